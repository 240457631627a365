using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit.Abstractions;

namespace BlockBot.Tests.Infrastructure;

/// <summary>
/// The real program (src/BlockBot's build output) as a process of its own, configured through environment
/// variables, listening on 127.0.0.1 on a free port. What it logs (standard error) goes to the test output,
/// prefixed with its name, and is kept in <see cref="Log"/>.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _log = [];

    private BotProcess(string name, Process process, Uri url)
    {
        Name = name;
        _process = process;
        Url = url;
    }

    public string Name { get; }

    public Uri Url { get; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public bool HasExited => _process.HasExited;

    public IReadOnlyList<string> Log
    {
        get
        {
            lock (_log)
            {
                return [.. _log];
            }
        }
    }

    /// <summary>Starts the program and waits until it answers /health/live.</summary>
    /// <param name="settings">Configuration keys (<c>BlockBot:Telegram:Mode</c>) and values; <c>BlockBot:Http:Urls</c> is set here.</param>
    /// <param name="workingDirectory">The program's working folder (e.g. the test database's root).</param>
    public static async Task<BotProcess> StartAsync(string name, IReadOnlyDictionary<string, string> settings, string workingDirectory, ITestOutputHelper output)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var program = Path.Combine(RepositoryPaths.Root, "src", "BlockBot", "bin", configuration, "net10.0", "BlockBot.dll");
        Directory.CreateDirectory(workingDirectory);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(program);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["BlockBot__Http__Urls"] = url.ToString().TrimEnd('/');
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var bot = new BotProcess(name, process, url);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => bot.OnLogLine(e.Data, output);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await bot.IsLiveAsync(deadline.Token))
        {
            Assert.False(process.HasExited, $"Bot process {name} exited during its start:{Environment.NewLine}{string.Join(Environment.NewLine, bot.Log)}");
            await Task.Delay(100, deadline.Token);
        }

        return bot;
    }

    /// <summary>SIGKILL, to the whole process tree: no shutdown, no finishing of turns or sends.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Http.Dispose();
        _process.Dispose();
    }

    private void OnLogLine(string? line, ITestOutputHelper output)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.Add(line);
        }

        try
        {
            output.WriteLine($"[{Name}] {line}");
        }
        catch (InvalidOperationException)
        {
            // The test is over: only Log keeps it.
        }
    }

    private async Task<bool> IsLiveAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Http.GetAsync(new Uri(Url, "/health/live"), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
