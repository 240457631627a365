using System.Text.Json;
using BlockBot.Tests.Infrastructure;

namespace BlockBot.Tests.Bench;

/// <summary>
/// The Telegram benches (bench/telegram-peer, <c>BlockBot.Bench --reminders</c>) run to the end at a tiny size, so a
/// change in the product's host or Telegram channel cannot stop them unnoticed. Not timed: the figures are the benches'.
/// </summary>
public sealed class TelegramBenchTests
{
    [PeerFakeFact]
    public async Task The_telegram_peer_bench_carries_two_chats_through_the_procedure_with_every_reply_checked()
    {
        var (exitCode, printed) = await BenchProcess.RunAsync(
            "node",
            [Path.Combine(RepositoryPaths.Root, "bench", "telegram-peer", "bench.js"), "--worker", "--peers", PeerFakeFactAttribute.Peers,
             "--bot", BenchProcess.BenchDll, "--n", "2", "--turns", "12", "--warmup-turns", "12", "--max-seconds", "120"],
            TimeSpan.FromMinutes(3));

        Assert.True(exitCode == 0, $"the bench exited with {exitCode}:\n{printed}");
        var result = JsonDocument.Parse(printed.Split('\n').Last(l => l.StartsWith("{\"bot\":\"blockbot\"", StringComparison.Ordinal))).RootElement;
        Assert.Equal(12, result.GetProperty("updates").GetInt32());
        // One answerCallbackQuery per press (4 of the 6 turns), checked by the driver; the replies were all checked too.
        Assert.Equal(8, result.GetProperty("api_calls").GetProperty("answerCallbackQuery").GetInt32());
    }

    [Fact]
    public async Task The_reminder_bench_delivers_each_of_five_reminders_due_at_once_exactly_once()
    {
        var (exitCode, printed) = await BenchProcess.RunAsync(
            "dotnet",
            [BenchProcess.BenchDll, "--reminders", "--count", "5", "--due-in-seconds", "5", "--timeout-seconds", "60"],
            TimeSpan.FromMinutes(3));

        Assert.True(exitCode == 0, $"the bench exited with {exitCode}:\n{printed}");
        Assert.Contains("delivered 5 of 5: lost 0, twice 0", printed, StringComparison.Ordinal);
    }
}
