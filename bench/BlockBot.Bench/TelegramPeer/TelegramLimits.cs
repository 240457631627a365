using System.Globalization;
using BlockBot.Channels.Telegram;

namespace BlockBot.Bench.TelegramPeer;

/// <summary>The <c>BlockBot:Telegram</c> send limits and concurrency a run uses; printed with its figures.</summary>
public sealed record TelegramLimits(double MessagesPerSecond, double ChatMessagesPerSecond, int ConcurrentChats, int ConcurrentSends)
{
    /// <summary>The product's defaults: Telegram's published limits.</summary>
    public static TelegramLimits Product { get; } = FromOptions(new TelegramOptions());

    /// <summary>
    /// The loosest the options allow. The peers' fake Bot API has no limits and grammY sends unthrottled, so the peer
    /// runs hold BlockBot to no limit either.
    /// </summary>
    public static TelegramLimits Loosest { get; } = Product with { MessagesPerSecond = 10_000, ChatMessagesPerSecond = 1_000_000 };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"MessagesPerSecond={MessagesPerSecond}, ChatMessagesPerSecond={ChatMessagesPerSecond}, ConcurrentChats={ConcurrentChats}, ConcurrentSends={ConcurrentSends}");

    private static TelegramLimits FromOptions(TelegramOptions o) =>
        new(o.MessagesPerSecond, o.ChatMessagesPerSecond, o.ConcurrentChats, o.ConcurrentSends);
}
