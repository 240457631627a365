using System.Globalization;
using BlockBot.Bench.Peer;
using BlockBot.Channels.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BlockBot.Bench.TelegramPeer;

/// <summary>
/// The product's own host (<see cref="BlockBotProgram.Build"/>, as the program builds it: appsettings.json, the composition root, the Telegram
/// channel in polling mode with its inbox, outbox, sender and limiter) pointed at a Bot API on loopback, with the
/// given dialogs and database. Only settings are passed; the one addition is the peers' profile middleware, which
/// stands in for what the YAML dialogs cannot count (<see cref="PeerProfileMiddleware"/>).
/// </summary>
public static class TelegramBenchHost
{
    public const string Token = "123456:BENCH-fake-token";

    /// <summary>A group no update comes from: the staff chat must be somewhere, and no step of the bench dialogs uses it.</summary>
    public const long StaffChatId = -1009999999999;

    public static IHost Build(string apiUrl, BenchDatabase database, string dialogsPath, TelegramLimits limits, IReadOnlyDictionary<string, string>? more = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["BlockBot:DialogsPath"] = dialogsPath,
            ["BlockBot:DefaultLanguage"] = "en",
            ["BlockBot:Storage:Provider"] = database.Provider,
            ["BlockBot:Storage:ConnectionString"] = database.ConnectionString,
            ["BlockBot:Telegram:Token"] = Token,
            ["BlockBot:Telegram:ApiUrl"] = apiUrl,
            ["BlockBot:Telegram:StaffChatId"] = StaffChatId.ToString(CultureInfo.InvariantCulture),
            ["BlockBot:Telegram:Mode"] = nameof(TelegramMode.Polling),
            ["BlockBot:Telegram:MessagesPerSecond"] = limits.MessagesPerSecond.ToString(CultureInfo.InvariantCulture),
            ["BlockBot:Telegram:ChatMessagesPerSecond"] = limits.ChatMessagesPerSecond.ToString(CultureInfo.InvariantCulture),
            ["BlockBot:Telegram:ConcurrentChats"] = limits.ConcurrentChats.ToString(CultureInfo.InvariantCulture),
            ["BlockBot:Telegram:ConcurrentSends"] = limits.ConcurrentSends.ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Quartz"] = "Warning",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var args = settings.Select(s => $"--{s.Key}={s.Value}").ToArray();
        var host = BlockBotProgram.Build(args, services => services.AddSingleton<PeerProfileMiddleware>());
        // Inside the product's AutoSaveStateMiddleware (added when the adapter was built): saved in the turn's transaction.
        host.Services.GetRequiredService<TelegramAdapter>().Use(host.Services.GetRequiredService<PeerProfileMiddleware>());
        return host;
    }
}
