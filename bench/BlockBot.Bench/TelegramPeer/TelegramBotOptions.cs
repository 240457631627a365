using System.Globalization;

namespace BlockBot.Bench.TelegramPeer;

/// <summary>
/// The command line of <c>--telegram-bot</c>: BlockBot as the bot under test of the Telegram peer run, polling the
/// Bot API at <see cref="ApiUrl"/> until it is stopped (SIGTERM). <c>bench/telegram-peer/bench.js</c> starts it.
/// </summary>
public sealed record TelegramBotOptions(string ApiUrl, string? DatabasePath, TelegramLimits Limits)
{
    public const string Usage = """
        Usage: BlockBot.Bench --telegram-bot --api-url http://127.0.0.1:PORT [--database PATH]
                              [--messages-per-second R] [--chat-messages-per-second R] [--concurrent-chats N] [--concurrent-sends N]
          --api-url                    the Bot API to poll (a fake on loopback); the bot runs until SIGTERM
          --database                   SQLite file to use and keep (default: a fresh temp file, deleted after)
          --messages-per-second        BlockBot:Telegram:MessagesPerSecond (default 10000, the loosest allowed)
          --chat-messages-per-second   BlockBot:Telegram:ChatMessagesPerSecond (default 1000000, the loosest allowed)
          --concurrent-chats           BlockBot:Telegram:ConcurrentChats (default: the product's, 32)
          --concurrent-sends           BlockBot:Telegram:ConcurrentSends (default: the product's, 64)
        """;

    /// <returns>The options (after the leading <c>--telegram-bot</c>), or null with <paramref name="error"/> set.</returns>
    public static TelegramBotOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var options = BenchArguments.Parse(args, new TelegramBotOptions(string.Empty, null, TelegramLimits.Loosest), static (options, name, value) => name switch
        {
            "--api-url" when Uri.TryCreate(value, UriKind.Absolute, out _) => options with { ApiUrl = value },
            "--database" when value.Length > 0 => options with { DatabasePath = Path.GetFullPath(value) },
            "--messages-per-second" when Rate(value) is { } r => options with { Limits = options.Limits with { MessagesPerSecond = r } },
            "--chat-messages-per-second" when Rate(value) is { } r => options with { Limits = options.Limits with { ChatMessagesPerSecond = r } },
            "--concurrent-chats" when Count(value) is { } n => options with { Limits = options.Limits with { ConcurrentChats = n } },
            "--concurrent-sends" when Count(value) is { } n => options with { Limits = options.Limits with { ConcurrentSends = n } },
            _ => null,
        }, out error);
        if (options is null)
        {
            return null;
        }

        if (options.ApiUrl.Length == 0)
        {
            error = "--api-url is required.";
            return null;
        }

        return options;
    }

    private static double? Rate(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : null;

    private static int? Count(string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
}
