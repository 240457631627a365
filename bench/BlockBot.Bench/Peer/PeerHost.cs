using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Turns;
using BlockBot.Support.Staff;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BlockBot.Bench.Peer;

/// <summary>
/// The product's composition (<c>AddBlockBotCore</c>) with the peer adapter as its only channel and the peer
/// dialogs (<c>bench/peer-dialogs</c>); nothing measuring is wrapped around the pipeline.
/// </summary>
public static class PeerHost
{
    public static IHost Build(PeerOptions options, BenchDatabase database)
    {
        var root = RepositoryRoot.Find();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = root,
            EnvironmentName = "Bench",
        });

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BlockBot:DialogsPath"] = Path.Combine(root, "bench", "peer-dialogs"),
            ["BlockBot:Storage:Provider"] = database.Provider,
            ["BlockBot:Storage:ConnectionString"] = database.ConnectionString,
        });

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);

        var services = builder.Services.AddBlockBotCore(builder.Configuration);
        services.AddSingleton<PeerProfileMiddleware>();
        services.AddSingleton<PeerAdapter>();
        services.AddSingleton<IProactiveAdapter>(sp => sp.GetRequiredService<PeerAdapter>());
        services.AddSingleton<AutoStaffChat>();
        services.AddSingleton<IStaffChat>(sp => sp.GetRequiredService<AutoStaffChat>());
        if (options.Storage == PeerOptions.Memory)
        {
            services.Replace(ServiceDescriptor.Singleton<IStorage>(new MemoryStorage()));
            services.Replace(ServiceDescriptor.Singleton<ITurnStore>(sp => new MemoryTurnStore(sp.GetRequiredService<IStorage>())));
        }

        if (options.Timings)
        {
            services.AddSingleton<OperationTimings>();
            services.Decorate<IStorage>((inner, sp) => new TimedStorage(inner, sp.GetRequiredService<OperationTimings>()));
            services.Decorate<ITurnStore>((inner, sp) => new TimedTurnStore(inner, sp.GetRequiredService<OperationTimings>()));
        }

        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        return builder.Build();
    }
}
