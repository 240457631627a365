using BlockBot.Tests.Infrastructure;
using BlockBot.Conversation;
using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Diagnostics;
using BlockBot.Storage;
using BlockBot.Storage.Sqlite;
using BlockBot.Storage.Sql.Domain;
using BlockBot.Support;
using BlockBot.Support.Staff;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace BlockBot.Tests.Support;

/// <summary>
/// The support domain in a started host, wired as the bot wires it (<c>AddBlockBotSupport</c> +
/// <c>AddBlockBotSqlDomain</c>) over a temp database, with Quartz's hosted scheduler (in-memory store, or the bot's
/// own store in that database) on a fake clock, and recording doubles for the staff chat, the conversation engine and
/// the directory.
/// </summary>
internal sealed class SupportHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private SupportHarness(TempDatabase database, FakeTimeProvider time, bool schedulerInDatabase, ICrossInstanceLock crossInstance)
    {
        Database = database;
        Time = time;
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var services = builder.Services;
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(database.Connections);
        services.AddSingleton<IStaffChat>(StaffChat);
        services.AddSingleton<IConversationEvents>(Events);
        services.AddSingleton<IConversationDirectory>(Directory);
        services.AddSingleton<IHandoverOffer>(HandoverOffer);
        // What the conversation and storage registrations would provide beside the support domain.
        services.AddSingleton<DateDisplay>();
        services.AddMetrics();
        services.AddSingleton<BlockBotMetrics>();
        services.AddSingleton(crossInstance);
        if (schedulerInDatabase)
        {
            builder.Configuration.AddInMemoryCollection(database.Settings);
            services.AddBlockBotStorage(builder.Configuration);
            services.AddBlockBotSupport(builder.Configuration, quartz => quartz.UseBlockBotStore(builder.Configuration));
        }
        else
        {
            services.AddBlockBotSupport(builder.Configuration);
        }

        services.AddBlockBotSqlDomain();
        Host = builder.Build();
    }

    public static CustomerId Customer { get; } = new("telegram", "1001");

    public TempDatabase Database { get; }

    public IHost Host { get; }

    public IScheduler Scheduler { get; private set; } = null!;

    public FakeTimeProvider Time { get; }

    public RecordingStaffChat StaffChat { get; } = new();

    public RecordingConversationEvents Events { get; } = new();

    public RecordingConversationDirectory Directory { get; } = new();


    public RecordingHandoverOffer HandoverOffer { get; } = new();

    public JobExecutions Executions { get; } = new();

    /// <param name="schedulerInDatabase">Quartz's store as the bot configures it (on PostgreSQL, clustered), not in memory.</param>
    /// <param name="crossInstance">The lock shared with other instances; by default, none (one instance).</param>
    public static async Task<SupportHarness> StartAsync(bool schedulerInDatabase = false, ICrossInstanceLock? crossInstance = null)
    {
        var harness = new SupportHarness(
            await TempDatabase.CreateMigratedAsync(), new FakeTimeProvider(Start), schedulerInDatabase, crossInstance ?? new SingleInstanceLock());
        await harness.Host.StartAsync();
        harness.Scheduler = await harness.Get<ISchedulerFactory>().GetScheduler(CancellationToken.None);
        harness.Scheduler.ListenerManager.AddJobListener(harness.Executions, [GroupMatcher<JobKey>.AnyGroup()]);
        return harness;
    }

    public T Get<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    /// <summary>Stops the scheduler once the jobs it is running have finished, so a test can check what did not happen.</summary>
    public async Task StopSchedulerAsync() => await Scheduler.Shutdown(true, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        await Database.DisposeAsync();
    }
}
