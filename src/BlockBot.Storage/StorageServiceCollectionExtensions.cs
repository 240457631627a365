using BlockBot.Conversation.Abstractions;
using BlockBot.Storage.Sqlite;
using BlockBot.Storage.Sqlite.Domain;
using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace BlockBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>How late a reminder may fire before Quartz treats it as misfired (one-shots then fire at once).</summary>
    internal static readonly TimeSpan MisfireThreshold = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Registers what BlockBot.Storage owns: <c>BlockBot:Storage</c> options, the SQLite file with its schema
    /// (migrated at start), <see cref="IStorage"/>, <see cref="IConversationDirectory"/>, and Quartz's persistent
    /// store on the same file. Scheduler settings and <c>AddQuartzHostedService</c> stay with their owner: further
    /// <c>AddQuartz</c> calls add to this one.
    /// </summary>
    public static IServiceCollection AddBlockBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SqliteConnectionFactory>();
        services.TryAddSingleton<SqliteSchema>();
        services.TryAddSingleton<IStorage, SqliteStorage>();
        services.TryAddSingleton<IConversationDirectory, SqliteConversationDirectory>();
        services.AddBlockBotSqliteDomain();

        // Migrating in StartingAsync already precedes every StartAsync, where Quartz opens the file; being first in
        // the list also puts it ahead of the other services' own StartingAsync hooks, whatever the call order.
        if (!services.Any(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(SchemaMigrationHostedService)))
        {
            services.Insert(0, ServiceDescriptor.Singleton<IHostedService, SchemaMigrationHostedService>());
        }

        services.AddQuartz(ConfigurePersistentStore);
        return services;
    }

    private static void ConfigurePersistentStore(IQuartzBuilder quartz) =>
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
}
