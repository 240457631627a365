using BlockBot.Channels.Console;
using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Conversation.Engine;
using BlockBot.Conversation.Pipeline;
using BlockBot.Support.Events;
using BlockBot.Support.Staff;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace BlockBot.Tests.Infrastructure;

/// <summary>
/// The product's own composition (engine, support domain, SQLite storage, Quartz's persistent store)
/// in a host, with Bot Builder's TestAdapter as the customer channel and a recording staff chat.
/// Stopping one and starting another on the same file is a restart.
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private readonly IHost _host;

    private BotHost(IHost host)
    {
        _host = host;
        Adapter = host.Services.GetRequiredService<ProactiveTestAdapter>();
    }

    public ProactiveTestAdapter Adapter { get; }

    public IServiceProvider Services => _host.Services;

    public IBot Bot => Services.GetRequiredService<IBot>();

    public DialogSet Dialogs => Services.GetRequiredService<DialogSetProvider>().Current;

    public RecordingStaffChat StaffChat => Services.GetRequiredService<RecordingStaffChat>();

    public StaffDesk StaffDesk => Services.GetRequiredService<StaffDesk>();

    public FakeTimeProvider Clock => (FakeTimeProvider)Services.GetRequiredService<TimeProvider>();

    public static async Task<BotHost> StartAsync(
        TempDatabase database,
        FakeTimeProvider clock,
        IReadOnlyDictionary<string, string?>? settings = null,
        string? dialogsPath = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = RepositoryPaths.Root,
            EnvironmentName = "Test",
        });
        var configuration = new Dictionary<string, string?>
        {
            ["BlockBot:DialogsPath"] = dialogsPath ?? RepositoryPaths.Dialogs,
            ["BlockBot:Storage:Provider"] = database.Provider.ToString(),
            ["BlockBot:Storage:ConnectionString"] = database.ConnectionString,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddBlockBotCore(builder.Configuration);
        builder.Services.RemoveAll<TimeProvider>();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<RecordingStaffChat>();
        builder.Services.AddSingleton<IStaffChat>(sp => sp.GetRequiredService<RecordingStaffChat>());
        builder.Services.AddSingleton(sp => new ProactiveTestAdapter(sp.GetRequiredService<BotPipeline>()));
        builder.Services.AddSingleton<IProactiveAdapter>(sp => sp.GetRequiredService<ProactiveTestAdapter>());
        builder.Services.AddSingleton<PendingWork>();

        var host = builder.Build();
        await host.StartAsync();
        await WaitForSchedulerAsync(host.Services);
        return new BotHost(host);
    }

    /// <summary>
    /// Quartz starts its scheduler in the background once the host has started; a test that stops the host before
    /// then would race the clustered store's start (on PostgreSQL) with its shutdown.
    /// </summary>
    private static async Task WaitForSchedulerAsync(IServiceProvider services)
    {
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await scheduler.GetStatus(deadline.Token) != SchedulerStatus.Running)
        {
            await Task.Delay(10, deadline.Token);
        }
    }

    /// <summary>Waits until no scheduled work is running or due, so every reply that is coming has come.</summary>
    public Task WaitForIdleAsync() => Services.GetRequiredService<PendingWork>().WaitForIdleAsync(CancellationToken.None);

    /// <summary>
    /// Stops delivering what is queued — Quartz stops firing (it still stores new jobs) and the event outbox's dispatcher
    /// stops (events are still queued) — as if the process died before it could deliver them.
    /// </summary>
    public async Task PauseDeliveryAsync()
    {
        var scheduler = await Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Standby();
        await Services.GetRequiredService<EventDispatcher>().StopAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync();
        }
        catch (ObjectDisposedException)
        {
            // Already stopped and disposed by a restart test.
        }

        _host.Dispose();
    }
}
