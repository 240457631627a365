using System.Diagnostics;
using BlockBot.Tests.Infrastructure;

namespace BlockBot.Tests.Bench;

/// <summary>
/// The full-procedure bench (bench/BlockBot.Bench) starts and carries a few conversations to the end, so a change in
/// how the product registers its services cannot stop it at start unnoticed, as it did twice.
/// </summary>
public sealed class FullBenchTests
{
    [Fact]
    public async Task The_full_procedure_bench_runs_three_conversations_to_the_end()
    {
        var printed = await RunBenchAsync("--conversations", "3", "--periods-seconds", "1", "--timeout-seconds", "120");

        Assert.Contains("Result: every conversation completed.", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_one_turn_slot_the_bench_reports_the_turns_that_waited_for_it()
    {
        var printed = await RunBenchAsync("--conversations", "3", "--periods-seconds", "1", "--turns-in-flight", "1", "--timeout-seconds", "120");

        Assert.Contains("Result: every conversation completed.", printed, StringComparison.Ordinal);
        Assert.Contains("waiting for a turn slot, turns that waited (ms)", printed, StringComparison.Ordinal);
    }

    private static async Task<string> RunBenchAsync(params string[] arguments)
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var bench = Path.Combine(RepositoryPaths.Root, "bench", "BlockBot.Bench", "bin", configuration, "net10.0", "BlockBot.Bench.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])[bench, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);

        var printed = await output + await errors;
        Assert.True(process.ExitCode == 0, $"the bench exited with {process.ExitCode}:\n{printed}");
        return printed;
    }
}
