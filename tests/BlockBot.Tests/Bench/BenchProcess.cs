using System.Diagnostics;
using BlockBot.Tests.Infrastructure;

namespace BlockBot.Tests.Bench;

/// <summary>Runs a bench program from the repository root and returns its exit code and everything it printed.</summary>
internal static class BenchProcess
{
    /// <summary>The bench built in the same configuration as these tests (the test project builds it first).</summary>
    public static string BenchDll
    {
        get
        {
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            return Path.Combine(RepositoryPaths.Root, "bench", "BlockBot.Bench", "bin", configuration, "net10.0", "BlockBot.Bench.dll");
        }
    }

    public static async Task<(int ExitCode, string Printed)> RunAsync(string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output + await errors);
    }
}
