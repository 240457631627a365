using BlockBot.Conversation.Abstractions;
using BlockBot.Storage;
using BlockBot.Storage.Sql;
using BlockBot.Storage.Sqlite;
using Dapper;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;
using BlockBot.Tests.Infrastructure;

namespace BlockBot.Tests.Storage;

public sealed class StorageServiceCollectionExtensionsTests : IDisposable
{
    private const int SupportThreadPoolSize = 3;

    private static readonly JobKey ReminderJob = new("reminder-1", "reminders");

    private readonly TempDatabase _database = new(StorageProvider.Sqlite);

    public void Dispose() => _database.Dispose();

    [Fact]
    public void Registers_the_storage_services_as_singletons()
    {
        using var provider = Services(_database.ConnectionString).BuildServiceProvider();

        Assert.IsType<SqlStorage>(provider.GetRequiredService<IStorage>());
        Assert.Same(provider.GetRequiredService<IStorage>(), provider.GetRequiredService<IStorage>());
        Assert.IsType<SqlConversationDirectory>(provider.GetRequiredService<IConversationDirectory>());
        Assert.Same(provider.GetRequiredService<SqliteConnectionFactory>(), provider.GetRequiredService<SqliteConnectionFactory>());
    }

    [Fact]
    public void The_schema_migration_is_the_first_hosted_service_whatever_was_registered_before()
    {
        var services = new ServiceCollection();
        services.AddQuartzHostedService();
        services.AddHostedService<NoopHostedService>();

        services.AddBlockBotStorage(Configuration(_database.ConnectionString));
        services.AddBlockBotStorage(Configuration(_database.ConnectionString));

        var hosted = services.Where(d => d.ServiceType == typeof(IHostedService)).ToList();
        Assert.Equal(typeof(SchemaMigrationHostedService), hosted[0].ImplementationType);
        Assert.Single(hosted, d => d.ImplementationType == typeof(SchemaMigrationHostedService));
    }

    [Fact]
    public async Task Invalid_options_stop_the_host_at_start()
    {
        using var host = BuildHost(" ", supportFirst: false);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(nameof(StorageOptions.ConnectionString), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starting_the_host_creates_the_folder_and_both_schemas_before_quartz_uses_the_file()
    {
        using var host = BuildHost(_database.ConnectionString, supportFirst: true);

        await host.StartAsync();
        await host.StopAsync();

        await using var connection = await _database.CreateFactory().OpenAsync(CancellationToken.None);
        var tables = (await connection.QueryAsync<string>("SELECT lower(name) FROM sqlite_master WHERE type = 'table'")).ToHashSet();
        Assert.Contains("bot_state", tables);
        Assert.Contains("qrtz_job_details", tables);
    }

    /// <summary>
    /// BlockBot.Support makes the one AddQuartz call (scheduler settings and AddQuartzHostedService) and storage's
    /// UseBlockBotStore adds the store to it. It must land on the one scheduler, whether storage is registered before
    /// or after, and the store must really be the file.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_second_add_quartz_call_composes_with_the_persistent_store(bool supportFirst)
    {
        const string referenceJson = """{"channelId":"telegram","conversation":{"id":"42"}}""";
        using (var first = BuildHost(_database.ConnectionString, supportFirst))
        {
            await first.StartAsync();
            var scheduler = first.Services.GetRequiredService<IScheduler>();
            var metadata = await scheduler.GetMetadata();
            Assert.True(metadata.JobStorePersistent);
            Assert.Equal(SupportThreadPoolSize, metadata.ThreadPoolSize);

            await scheduler.AddJob(
                JobBuilder.Create<NoopJob>().WithIdentity(ReminderJob).StoreDurably().UsingJobData("reference", referenceJson).Build(),
                new AddJobOptions());
            await first.StopAsync();
        }

        using var second = BuildHost(_database.ConnectionString, supportFirst);
        await second.StartAsync();

        var job = await second.Services.GetRequiredService<IScheduler>().GetJobDetail(ReminderJob);
        Assert.NotNull(job);
        Assert.Equal(referenceJson, job.JobDataMap.GetString("reference"));
        var store = second.Services.GetRequiredService<IOptionsMonitor<AdoJobStoreOptions>>().Get(Options.DefaultName);
        Assert.True(store.StoreJobDataAsStrings);
        Assert.Equal(TimeSpan.FromSeconds(5), store.MisfireThreshold);
        await second.StopAsync();

        await using var connection = await _database.CreateFactory().OpenAsync(CancellationToken.None);
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM qrtz_job_details"));
    }

    private static IHost BuildHost(string connectionString, bool supportFirst)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(Configuration(connectionString));
        if (supportFirst)
        {
            AddSupportScheduler(builder.Services, builder.Configuration);
        }

        builder.Services.AddBlockBotStorage(builder.Configuration);
        if (!supportFirst)
        {
            AddSupportScheduler(builder.Services, builder.Configuration);
        }

        return builder.Build();
    }

    /// <summary>What BlockBot.Support's own registration does with Quartz, handed storage's store as the host hands it.</summary>
    private static void AddSupportScheduler(IServiceCollection services, IConfiguration configuration)
    {
        services.AddQuartz(quartz =>
        {
            quartz.UseDefaultThreadPool(SupportThreadPoolSize);
            quartz.UseBlockBotStore(configuration);
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
    }

    private static ServiceCollection Services(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBlockBotStorage(Configuration(connectionString));
        return services;
    }

    private static IConfiguration Configuration(string connectionString) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["BlockBot:Storage:ConnectionString"] = connectionString })
            .Build();
}
