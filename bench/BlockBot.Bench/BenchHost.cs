using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BlockBot.Bench;

/// <summary>
/// The product's composition (<c>AddBlockBotCore</c>: engine, support domain, storage and Quartz's persistent store
/// in the same database, SQLite or PostgreSQL) with the bench as its only channel, and periods cut to seconds.
/// </summary>
public static class BenchHost
{
    public static IHost Build(BenchOptions options, BenchDatabase database, LogCounter logCounter, BenchShared shared)
    {
        var root = RepositoryRoot.Find();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = root,
            EnvironmentName = "Bench",
        });

        var period = TimeSpan.FromSeconds(options.PeriodsSeconds).ToString("c", CultureInfo.InvariantCulture);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BlockBot:DialogsPath"] = Path.Combine(root, "dialogs"),
            ["BlockBot:Storage:Provider"] = database.Provider,
            ["BlockBot:Storage:ConnectionString"] = database.ConnectionString,
            ["BlockBot:Periods:AppealFollowUp"] = period,
            ["BlockBot:Periods:PhoneOnly"] = period,
            ["BlockBot:Periods:ChatsOnly"] = period,
            ["BlockBot:Storage:CustomerTurnsInFlight"] = options.CustomerTurnsInFlight?.ToString(CultureInfo.InvariantCulture),
        });

        // Standard output carries the report; warnings and errors go to standard error and are counted.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddProvider(logCounter);

        builder.Services
            .AddBlockBotCore(builder.Configuration)
            .AddBlockBotBench(shared);
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        return builder.Build();
    }
}
