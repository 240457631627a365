using Microsoft.Extensions.Hosting;

namespace BlockBot.Bench.TelegramPeer;

/// <summary>Runs BlockBot's Telegram channel against the peers' fake Bot API until stopped; the driver measures it.</summary>
public static class TelegramBotMode
{
    public static async Task<int> RunAsync(TelegramBotOptions options, TextWriter log)
    {
        using var database = BenchDatabase.Create(BenchOptions.Default with { DatabasePath = options.DatabasePath });
        var dialogs = Path.Combine(RepositoryRoot.Find(), "bench", "peer-dialogs");
        using var host = TelegramBenchHost.Build(options.ApiUrl, database, dialogs, options.Limits);
        await log.WriteLineAsync($"blockbot telegram-bot: polling {options.ApiUrl}; limiter {options.Limits}; {database.Description}");
        await host.RunAsync();
        return 0;
    }
}
