using System.Diagnostics;
using BlockBot.Channels.Telegram.Inbox;
using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Conversation.Engine;
using BlockBot.Tests.Infrastructure;
using BlockBot.Tests.Channels.Telegram.Fake;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BlockBot.Tests.Channels.Telegram;

/// <summary>The real program (its own composition root) in process, configured for Telegram against a fake Bot API.</summary>
public sealed class TelegramBot : IAsyncDisposable
{
    public const long StaffChat = -1001234567890;
    public const long StaffUser = 501;

    private readonly IHost _host;

    private TelegramBot(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public DialogSet Dialogs => Services.GetRequiredService<DialogSetProvider>().Current;

    /// <summary>Where the web host listens, when BlockBot:Http:Urls is set.</summary>
    public string HttpUrl => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <param name="settings">Overrides; a null value removes the key (e.g. <c>BlockBot:Telegram:StaffUserIds:0</c>).</param>
    /// <param name="logs">Receives every log entry of the run, in addition to the program's own sinks.</param>
    public static async Task<TelegramBot> StartAsync(FakeBotApi fake, TempDatabase database, IReadOnlyDictionary<string, string?>? settings = null, ILoggerProvider? logs = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["BlockBot:DialogsPath"] = RepositoryPaths.Dialogs,
            ["BlockBot:Storage:Provider"] = database.Provider.ToString(),
            ["BlockBot:Storage:ConnectionString"] = database.ConnectionString,
            ["BlockBot:Telegram:Token"] = FakeBotApi.Token,
            ["BlockBot:Telegram:ApiUrl"] = fake.Url,
            ["BlockBot:Telegram:StaffChatId"] = StaffChat.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["BlockBot:Telegram:StaffUserIds:0"] = StaffUser.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["BlockBot:Telegram:PollingTimeoutSeconds"] = "2",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var host = BlockBotProgram.Build(
            [.. all.Where(p => p.Value is not null).Select(p => $"--{p.Key}={p.Value}")],
            services =>
            {
                if (logs is not null)
                {
                    services.AddSingleton(logs);
                }
            });
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new TelegramBot(host);
    }

    /// <summary>
    /// Waits until every update the fake was given is confirmed and the inbox handled (or gave up on) each: polling
    /// confirms an update once it is recorded, before it is handled (ADR 0016).
    /// </summary>
    public async Task HandledAllAsync(FakeBotApi fake, string what)
    {
        await fake.WaitUntilAsync(f => f.ConfirmedBelow > f.LastUpdateId, what);
        var store = Services.GetRequiredService<ITelegramStore>();
        var watch = Stopwatch.StartNew();
        while ((await store.PendingUpdatesAsync(1, CancellationToken.None)).Count > 0)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"Timed out after 30 s waiting for {what}.");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
