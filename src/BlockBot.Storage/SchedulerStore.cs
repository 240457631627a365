using BlockBot.Storage.Postgres;
using BlockBot.Storage.Sqlite;
using BlockBot.Support.Reminders;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Quartz;

namespace BlockBot.Storage;

/// <summary>
/// What storage contributes to the scheduler BlockBot.Support configures: Quartz's persistent ADO store in BlockBot's
/// own database (an SQLite file, or PostgreSQL clustered), so reminders survive restarts. The composition root hands
/// <see cref="UseBlockBotStore"/> to <c>AddBlockBotSupport</c>, so Quartz is configured in one call.
/// </summary>
public static class SchedulerStore
{
    /// <summary>How late a reminder may fire before Quartz treats it as misfired (one-shots then fire at once).</summary>
    internal static readonly TimeSpan MisfireThreshold = TimeSpan.FromSeconds(5);

    /// <summary>How often a clustered instance tells the others it is alive; twice this without news, its jobs are recovered.</summary>
    internal static readonly TimeSpan ClusterCheckinInterval = TimeSpan.FromSeconds(5);

    /// <summary>Due triggers claimed in one firing round on PostgreSQL: as many as Quartz's default 10 worker threads.</summary>
    internal const int TriggersAcquiredTogether = 10;

    /// <summary>The job store for the provider <c>BlockBot:Storage:Provider</c> names; needs <c>AddBlockBotStorage</c>.</summary>
    public static void UseBlockBotStore(this IQuartzBuilder quartz, IConfiguration configuration)
    {
        // Reminder jobs then outlive their firing, which completes without Quartz's store-wide lock (ADR 0025).
        quartz.Services.TryAddSingleton<ISpentReminderJobs, SqlSpentReminderJobs>();
        quartz.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SpentReminderPruning>());
        var provider = configuration.GetSection(StorageOptions.Section).GetValue(nameof(StorageOptions.Provider), StorageProvider.Sqlite);
        if (provider == StorageProvider.Postgres)
        {
            // Cancelling and rescheduling reminders then take Quartz's lock only for triggers a firing claimed (ADR 0028).
            quartz.Services.TryAddSingleton<IWaitingReminderTriggers, PostgresWaitingReminderTriggers>();
            ConfigureClusteredPostgresStore(quartz);
        }
        else
        {
            ConfigureSqliteStore(quartz);
        }
    }

    private static void ConfigureSqliteStore(IQuartzBuilder quartz) =>
        quartz.UsePersistentStore(store =>
        {
            // The connection comes from the same factory as ours, so the options are the one source of truth.
            store.UseSqlite(source => source.DataSourceFactory = provider =>
                new QuartzSqliteDataSource(provider.GetRequiredService<SqliteConnectionFactory>().ConnectionString));
            store.UseSystemTextJsonSerializer();
            store.ProvisionSchema();
            store.ConfigureStore(options =>
            {
                options.StoreJobDataAsStrings = true;
                options.MisfireThreshold = MisfireThreshold;
            });
        });

    /// <summary>
    /// Quartz on PostgreSQL, clustered: every instance sharing the database runs the scheduler, a trigger fires
    /// on one of them, and the jobs of an instance that stopped checking in are recovered by the others. UseClustering
    /// gives each instance a generated instance id.
    /// </summary>
    private static void ConfigureClusteredPostgresStore(IQuartzBuilder quartz)
    {
        quartz.ConfigureScheduler(scheduler => scheduler.MaxBatchSize = TriggersAcquiredTogether);
        quartz.UsePersistentStore(store =>
        {
            // Quartz's own pool on the same connection string, so disposing the scheduler leaves ours alone.
            store.UsePostgres(source => source.DataSourceFactory = provider =>
                NpgsqlDataSource.Create(provider.GetRequiredService<PostgresConnectionFactory>().ConnectionString));
            store.UseSystemTextJsonSerializer();
            store.ProvisionSchema();
            store.UseClustering(cluster =>
            {
                cluster.CheckinInterval = ClusterCheckinInterval;
                cluster.CheckinMisfireThreshold = ClusterCheckinInterval * 2;
            });
            store.ConfigureStore(options =>
            {
                options.StoreJobDataAsStrings = true;
                options.MisfireThreshold = MisfireThreshold;
                // Clustered, Quartz's one TRIGGER_ACCESS row lock would otherwise be taken by every firing round and
                // every new job, the reminders customers' turns schedule included, so all of them, on every instance,
                // queued behind one another. Rounds claim their triggers by compare-and-swap instead (Quartz's
                // LockFreeFiringRounds, on by default, which AcquireTriggersWithinLock would turn off), and a new job's
                // rows are plain inserts. Replacing or deleting a job still takes the lock.
                options.LockOnInsert = false;
            });
        });
    }
}
