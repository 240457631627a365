using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Turns;
using BlockBot.Storage.Postgres;
using BlockBot.Storage.Sql;
using BlockBot.Storage.Sqlite;
using BlockBot.Storage.Turns;
using BlockBot.Storage.Sql.Domain;
using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Quartz;

namespace BlockBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>How late a reminder may fire before Quartz treats it as misfired (one-shots then fire at once).</summary>
    internal static readonly TimeSpan MisfireThreshold = TimeSpan.FromSeconds(5);

    /// <summary>How often a clustered instance tells the others it is alive; twice this without news, its jobs are recovered.</summary>
    internal static readonly TimeSpan ClusterCheckinInterval = TimeSpan.FromSeconds(5);

    /// <summary>Due triggers acquired under one lock on PostgreSQL: as many as Quartz's default 10 worker threads.</summary>
    internal const int TriggersAcquiredTogether = 10;

    /// <summary>
    /// Registers what BlockBot.Storage owns: <c>BlockBot:Storage</c> options, the database (an SQLite file, or
    /// PostgreSQL when <c>Provider</c> is <c>Postgres</c>) with its schema migrated at start, <see cref="IDbConnectionFactory"/>,
    /// <see cref="IStorage"/>, <see cref="ITurnStore"/> with the writers of the conversation's turn records,
    /// <see cref="IConversationDirectory"/>, the domain repositories, and Quartz's persistent
    /// store in the same database (clustered on PostgreSQL). Scheduler settings and <c>AddQuartzHostedService</c> stay with their owner: further
    /// <c>AddQuartz</c> calls add to this one.
    /// </summary>
    public static IServiceCollection AddBlockBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var provider = configuration.GetSection(StorageOptions.Section).GetValue(nameof(StorageOptions.Provider), StorageProvider.Sqlite);

        services.TryAddSingleton(TimeProvider.System);
        if (provider == StorageProvider.Postgres)
        {
            services.TryAddSingleton<PostgresConnectionFactory>();
            services.TryAddSingleton<IDbConnectionFactory>(sp => sp.GetRequiredService<PostgresConnectionFactory>());
            services.TryAddSingleton<ISchemaMigrator, PostgresSchema>();
            services.Replace(ServiceDescriptor.Singleton<ICrossInstanceLock, PostgresAdvisoryLock>());
        }
        else
        {
            services.TryAddSingleton<SqliteConnectionFactory>();
            services.TryAddSingleton<IDbConnectionFactory>(sp => sp.GetRequiredService<SqliteConnectionFactory>());
            services.TryAddSingleton<SqliteSchema>();
            services.TryAddSingleton<ISchemaMigrator>(sp => sp.GetRequiredService<SqliteSchema>());
        }

        services.TryAddSingleton<SqlStorage>();
        services.TryAddSingleton<IStorage>(sp => sp.GetRequiredService<SqlStorage>());
        services.TryAddSingleton<ITurnStore, SqlTurnStore>();
        services.AddTurnRecordWriter<EventDeliveredWriter>();
        services.AddTurnRecordWriter<UnansweredMessageWriter>();
        services.TryAddSingleton<IDeliveredEvents, SqlDeliveredEvents>();
        services.TryAddSingleton<IConversationDirectory, SqlConversationDirectory>();
        services.AddBlockBotSqlDomain();

        // Migrating in StartingAsync already precedes every StartAsync, where Quartz opens the database; being first in
        // the list also puts it ahead of the other services' own StartingAsync hooks, whatever the call order.
        if (!services.Any(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(SchemaMigrationHostedService)))
        {
            services.Insert(0, ServiceDescriptor.Singleton<IHostedService, SchemaMigrationHostedService>());
        }

        services.AddQuartz(quartz =>
        {
            if (provider == StorageProvider.Postgres)
            {
                ConfigureClusteredPostgresStore(quartz);
            }
            else
            {
                ConfigureSqliteStore(quartz);
            }
        });
        return services;
    }

    private static void ConfigureSqliteStore(IQuartzBuilder quartz) =>
        quartz.UsePersistentStore(store =>
        {
            // The connection comes from the same factory as ours, so the options are the one source of truth.
            store.UseSqlite(source => source.DataSourceFactory = provider =>
                new BusyWaitingSqliteDataSource(provider.GetRequiredService<SqliteConnectionFactory>().ConnectionString));
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
        // Clustered, every trigger acquisition and every scheduling change takes Quartz's one TRIGGER_ACCESS row lock:
        // acquiring due triggers one at a time makes a burst of reminders and staff events queue behind it.
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
                // Needed once more than one trigger is acquired at a time, so two nodes never take the same one.
                options.AcquireTriggersWithinLock = true;
            });
        });
    }
}
