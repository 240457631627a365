using BlockBot.Bench.Peer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace BlockBot.Bench.Stored;

/// <summary>
/// The product's own host as it runs console-only (<see cref="BlockBotProgram.Build"/>: appsettings.json, the
/// composition root, the console channel, Quartz, storage) on the given database with the peer dialogs, and the
/// in-process <see cref="PeerAdapter"/> beside the console to bring the customers in through the same turn pipeline.
/// </summary>
public static class StoredConversationsHost
{
    public static IHost Build(BenchDatabase database)
    {
        var settings = new Dictionary<string, string>
        {
            ["BlockBot:DialogsPath"] = Path.Combine(RepositoryRoot.Find(), "bench", "peer-dialogs"),
            ["BlockBot:DefaultLanguage"] = "en",
            ["BlockBot:Storage:Provider"] = database.Provider,
            ["BlockBot:Storage:ConnectionString"] = database.ConnectionString,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Quartz"] = "Warning",
        };
        var args = settings.Select(s => $"--{s.Key}={s.Value}").ToArray();
        return BlockBotProgram.Build(args, services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TextReader>(new EndlessInput()));
            services.AddSingleton<PeerProfileMiddleware>();
            services.AddSingleton<PeerAdapter>();
        });
    }
}
