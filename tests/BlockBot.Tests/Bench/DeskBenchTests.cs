using System.Text.Json;
using BlockBot.Tests.Infrastructure;

namespace BlockBot.Tests.Bench;

/// <summary>
/// The desk's scale bench (<c>BlockBot.Bench --desk</c>) runs to the end at a tiny size on the tests' provider, so a change
/// in the desk, its pages or the ticket tables cannot stop it unnoticed. Not timed: the figures are the bench's.
/// </summary>
public sealed class DeskBenchTests
{
    [Fact]
    public async Task The_desk_bench_fills_the_database_signs_a_lead_in_and_times_every_page_and_ticket_events()
    {
        List<string> arguments = [BenchProcess.BenchDll, "--desk", "--tickets", "50", "--lines", "5", "--transcript-lines", "200", "--requests", "2", "--changes", "2"];
        if (Environment.GetEnvironmentVariable(TempDatabase.ProviderVariable) == "Postgres")
        {
            arguments.AddRange(["--postgres", Environment.GetEnvironmentVariable(TempDatabase.PostgresVariable)!]);
        }

        var (exitCode, printed) = await BenchProcess.RunAsync("dotnet", arguments, TimeSpan.FromMinutes(3));

        Assert.True(exitCode == 0, $"the bench exited with {exitCode}:\n{printed}");
        var result = JsonDocument.Parse(printed.Split('\n').Last(l => l.StartsWith("{\"bench\":\"desk\"", StringComparison.Ordinal))).RootElement;
        Assert.Equal(50, result.GetProperty("tickets").GetInt32());
        foreach (var figure in new[] { "queue_p95_ms", "ticket_p95_ms", "lines_p95_ms", "dashboard_p95_ms", "event_p95_ms" })
        {
            Assert.True(result.GetProperty(figure).GetDouble() > 0, figure);
        }
    }
}
