using BlockBot.Channels.Bitrix24;
using BlockBot.Tests.Channels.Bitrix24.Fake;
using BlockBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BlockBot.Tests.Channels.Bitrix24;

/// <summary>
/// The real program (<see cref="BlockBotProgram.Build"/>, the product composition) configured by command-line
/// arguments for the fake portal: webhook-URL auth, fast polling, and the fake's bucket. Settings add or override keys.
/// </summary>
public sealed class Bitrix24BotProgram : IAsyncDisposable
{
    public const string BotToken = "bot-token-1";
    public const string ApplicationToken = "app-token-1";
    public const string StaffDialogId = "chat900";
    public const long StaffUserId = 7;

    private readonly IHost _host;

    private Bitrix24BotProgram(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    /// <summary>The event endpoint in webhook mode.</summary>
    public Uri EventUri
    {
        get
        {
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(new Uri(address), "/bitrix24/events");
        }
    }

    public static Dictionary<string, string?> Settings(FakeBitrix24 fake, TempDatabase database) => new()
    {
        ["BlockBot:DialogsPath"] = RepositoryPaths.Dialogs,
        ["BlockBot:Storage:Provider"] = database.Provider.ToString(),
        ["BlockBot:Storage:ConnectionString"] = database.ConnectionString,
        ["BlockBot:Bitrix24:WebhookUrl"] = fake.WebhookUrl,
        ["BlockBot:Bitrix24:BotToken"] = BotToken,
        ["BlockBot:Bitrix24:PollInterval"] = "00:00:00.020",
        ["BlockBot:Bitrix24:MoreEventsInterval"] = "00:00:00",
        ["BlockBot:Bitrix24:RequestsPerSecond"] = fake.Rate.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // A little below the portal's bucket, as the README advises and the default does (48 of 50): the bucket's timer
        // can add a token up to a period before the portal drained one, and requests can arrive later, or in another
        // order, than they left.
        ["BlockBot:Bitrix24:Burst"] = Math.Max(1, fake.Burst - 1 - Math.Max(1, (int)(fake.Rate * 0.2))).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["BlockBot:Bitrix24:RetryBaseDelay"] = "00:00:00.020",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary>Adds a Bitrix24 staff chat with one staff member.</summary>
    public static Dictionary<string, string?> WithStaffChat(Dictionary<string, string?> settings)
    {
        settings["BlockBot:Bitrix24:StaffDialogId"] = StaffDialogId;
        settings["BlockBot:Bitrix24:StaffUserIds:0"] = StaffUserId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return settings;
    }

    /// <summary>Webhook mode, the web host on a free loopback port.</summary>
    public static Dictionary<string, string?> WithWebhook(Dictionary<string, string?> settings)
    {
        settings["BlockBot:Http:Urls"] = "http://127.0.0.1:0";
        settings["BlockBot:Bitrix24:EventMode"] = "Webhook";
        settings["BlockBot:Bitrix24:PublicEventUrl"] = "https://bot.example/bitrix24/events";
        settings["BlockBot:Bitrix24:ApplicationToken"] = ApplicationToken;
        return settings;
    }

    /// <param name="logs">Receives every log entry of the run, in addition to the program's own sinks.</param>
    public static IHost Build(Dictionary<string, string?> settings, ILoggerProvider? logs = null) =>
        BlockBotProgram.Build(settings.Select(s => $"--{s.Key}={s.Value}").ToArray(), services =>
        {
            if (logs is not null)
            {
                services.AddSingleton(logs);
            }
        });

    public static async Task<Bitrix24BotProgram> StartAsync(Dictionary<string, string?> settings, ILoggerProvider? logs = null)
    {
        var host = Build(settings, logs);
        await host.StartAsync();
        return new Bitrix24BotProgram(host);
    }

    public Bitrix24Adapter Adapter => Services.GetRequiredService<Bitrix24Adapter>();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
