using System.Diagnostics;
using BlockBot.Tests.Infrastructure;

namespace BlockBot.Tests.Host;

/// <summary>
/// The real program, started as a process from an empty folder with nothing configured: it chats on
/// standard input and output on the embedded SQLite default, and a second run continues the same
/// conversation from the same data file.
/// </summary>
public sealed class ProgramProcessTests : IDisposable
{
    private readonly string _workingFolder = Path.Combine(Path.GetTempPath(), "blockbot-run", Guid.NewGuid().ToString("N"));

    public ProgramProcessTests() => Directory.CreateDirectory(_workingFolder);

    [Fact]
    public async Task A_second_run_continues_the_conversation_from_the_data_file()
    {
        var first = await RunAsync("/blocked", "Продажи", "нет");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Как называется открытая линия в Битрикс24", first.Output, StringComparison.Ordinal);
        Assert.EndsWith("С этого номера отправляли рассылку через CRM-маркетинг Битрикс24?\n  1. Да\n  2. Нет\n", first.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_workingFolder, "data", "blockbot.db")), "The SQLite file is created under data/ on first start.");

        var second = await RunAsync("нет");

        Assert.Equal(0, second.ExitCode);
        Assert.StartsWith("WhatsApp уже разблокировал номер?", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_dialog_file_stops_the_program_with_the_file_and_line()
    {
        var dialogs = Path.Combine(_workingFolder, "dialogs");
        Directory.CreateDirectory(dialogs);
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Dialogs, "*.yaml"))
        {
            File.Copy(file, Path.Combine(dialogs, Path.GetFileName(file)));
        }

        var menu = Path.Combine(dialogs, "menu.yaml");
        File.WriteAllText(menu, File.ReadAllText(menu).Replace("goto: go_causes", "goto: go_nowhere", StringComparison.Ordinal));

        var run = await RunAsync("/start");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains("menu.yaml:", run.Error, StringComparison.Ordinal);
        Assert.Contains("'go_nowhere' is not a step of the dialog 'menu'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Questions_check_prints_the_figures_of_a_labelled_file_and_exits_1_below_the_floor()
    {
        var labelled = Path.Combine(RepositoryPaths.Root, "tests", "BlockBot.Tests", "Conversation", "Understanding", "labelled.tsv");

        var above = await RunProgramAsync(["questions", "check", labelled, "--floor", "0.5"]);
        var below = await RunProgramAsync(["questions", "check", labelled, "--floor", "0.999"]);

        Assert.Equal(0, above.ExitCode);
        Assert.Contains("questions to the right topic:", above.Output, StringComparison.Ordinal);
        Assert.Contains("line names taken as names:   100.0 %", above.Output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^another_number\s+\d+\s+[\d.]+ %\s+[\d.]+ %$", above.Output);
        Assert.Equal(1, below.ExitCode);
        Assert.Contains("Below the floor", below.Output, StringComparison.Ordinal);
    }

    // The bot ran in a process of its own, which closed its connections as it exited.
    public void Dispose() => Directory.Delete(_workingFolder, recursive: true);

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] lines) => RunProgramAsync([], lines);

    private async Task<(int ExitCode, string Output, string Error)> RunProgramAsync(string[] arguments, params string[] lines)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _workingFolder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add(ProgramPath());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        foreach (var line in lines)
        {
            await process.StandardInput.WriteLineAsync(line);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await output).Replace("\r\n", "\n", StringComparison.Ordinal), await error);
    }

    private static string ProgramPath()
    {
        // The test assembly sits in bin/<Configuration>/net10.0; the program is built into the same kind of folder.
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var path = Path.Combine(RepositoryPaths.Root, "src", "BlockBot", "bin", configuration, "net10.0", "BlockBot.dll");
        Assert.True(File.Exists(path), $"The program is not built at {path}.");
        return path;
    }
}
