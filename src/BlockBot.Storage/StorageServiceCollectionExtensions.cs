using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Diagnostics;
using BlockBot.Conversation.Pipeline;
using BlockBot.Conversation.Turns;
using BlockBot.Storage.Postgres;
using BlockBot.Storage.Sql;
using BlockBot.Storage.Sql.Handover;
using BlockBot.Storage.Sqlite;
using BlockBot.Storage.Turns;
using BlockBot.Storage.Sql.Domain;
using BlockBot.Support.Reminders;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BlockBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers what BlockBot.Storage owns: <c>BlockBot:Storage</c> options, the database (an SQLite file, or
    /// PostgreSQL when <c>Provider</c> is <c>Postgres</c>) with its schema migrated at start, <see cref="IDbConnectionFactory"/>,
    /// <see cref="IStorage"/>, <see cref="ITurnStore"/> (turns share commits on SQLite) with the writers of the conversation's turn records,
    /// <see cref="IConversationDirectory"/>, the domain repositories, and the <see cref="ICrossInstanceLock"/> (an
    /// advisory lock on PostgreSQL, in process on SQLite). Quartz is configured by its owner, BlockBot.Support; its
    /// persistent store in the same database is <see cref="SchedulerStore.UseBlockBotStore"/>, handed to that one
    /// configuration by the composition root.
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
        // Replaces Conversation's default, whichever registration runs first.
        services.RemoveAll<CustomerTurnAdmission>();
        services.AddSingleton(sp => CustomerTurnAdmissionFor(sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetService<BlockBotMetrics>()));
        if (provider == StorageProvider.Postgres)
        {
            services.TryAddSingleton<PostgresConnectionFactory>();
            services.TryAddSingleton<IDbConnectionFactory>(sp => sp.GetRequiredService<PostgresConnectionFactory>());
            services.TryAddSingleton<ISchemaMigrator, PostgresSchema>();
            services.TryAddSingleton<ICrossInstanceLock, PostgresAdvisoryLock>();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PostgresConnectionHeadroom>());
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, QuartzLockRows>());
        }
        else
        {
            services.TryAddSingleton<SqliteConnectionFactory>();
            services.TryAddSingleton<IDbConnectionFactory>(sp => sp.GetRequiredService<SqliteConnectionFactory>());
            services.TryAddSingleton<SqliteSchema>();
            services.TryAddSingleton<ISchemaMigrator>(sp => sp.GetRequiredService<SqliteSchema>());
            services.TryAddSingleton<ICrossInstanceLock, SingleInstanceLock>();
            services.TryAddSingleton<ITurnStore, SqliteGroupCommitTurnStore>();
        }

        services.TryAddSingleton<SqlStorage>();
        services.TryAddSingleton<IStorage>(sp => sp.GetRequiredService<SqlStorage>());
        services.TryAddSingleton<ITurnStore, SqlTurnStore>();
        services.AddTurnRecordWriter<EventDeliveredWriter>();
        services.AddTurnRecordWriter<UnansweredMessageWriter>();
        services.AddTurnRecordWriter<TranscriptLinesWriter>();
        services.AddTurnRecordWriter<CustomerHandedOverWriter>();
        services.TryAddSingleton<IHandoverCodes, SqlHandoverCodes>();
        services.TryAddSingleton<IDeliveredEvents, SqlDeliveredEvents>();
        services.TryAddSingleton<IConversationDirectory, SqlConversationDirectory>();
        // Replaces Support's lookup through the scheduler, whichever registration runs first.
        services.RemoveAll<IScheduledJobLookup>();
        services.AddSingleton<IScheduledJobLookup, SqlScheduledJobLookup>();
        services.AddBlockBotSqlDomain();

        // Migrating in StartingAsync already precedes every StartAsync, where Quartz opens the database; being first in
        // the list also puts it ahead of the other services' own StartingAsync hooks, whatever the call order.
        if (!services.Any(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(SchemaMigrationHostedService)))
        {
            services.Insert(0, ServiceDescriptor.Singleton<IHostedService, SchemaMigrationHostedService>());
        }

        return services;
    }

    private static CustomerTurnAdmission CustomerTurnAdmissionFor(StorageOptions options, BlockBotMetrics? metrics) =>
        new(options.CustomerTurnsInFlight ?? (options.Provider == StorageProvider.Postgres ? StorageOptions.PostgresCustomerTurnsInFlight : null), metrics);
}
