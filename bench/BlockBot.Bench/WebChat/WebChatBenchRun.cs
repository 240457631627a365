using System.Globalization;
using System.Net;
using System.Text.Json;
using BlockBot.Conversation.Engine;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace BlockBot.Bench.WebChat;

/// <summary>
/// <c>--webchat</c>: the product's host with the web chat on 127.0.0.1 (<see cref="WebChatBenchHost"/>) and that many
/// visitors at once, each a real Direct Line client (<see cref="DirectLineVisitor"/>) walking the first-block path to the
/// chats-only reminder's goodbye (<see cref="WebCustomer"/>). Prints turns/s, per-turn latency from the post to the
/// bot's reply on the stream, errors and the process's peak memory, then one JSON object.
/// </summary>
public static class WebChatBenchRun
{
    public const string Usage = """
        Usage: BlockBot.Bench --webchat [--conversations N] [--periods-seconds S] [--database PATH | --postgres CONNECTION]
                              [--conversation-timeout-seconds T] [--timeout-seconds T]
          --conversations                 concurrent web visitors, each with its own Direct Line conversation and stream (default 200)
          (the other options as for --conversations)
        """;

    public const int DefaultConversations = 200;

    private const int LabelWidth = 56;
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> ExecuteAsync(BenchOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        using var overall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        overall.CancelAfter(options.OverallTimeout);
        using var database = BenchDatabase.Create(options);
        var logCounter = new LogCounter();
        using var host = WebChatBenchHost.Build(options, database, logCounter);
        var starting = TimeProvider.System.GetTimestamp();
        await host.StartAsync(overall.Token);
        var startUp = TimeProvider.System.GetElapsedTime(starting);

        var services = host.Services;
        var url = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var replies = new ProcedureReplies(services.GetRequiredService<DialogSetProvider>().Current);
        var measurements = new BenchMeasurements();
        var figures = new WebChatFigures();
        var staff = services.GetRequiredService<AutoStaff>();
        var runId = Guid.NewGuid().ToString("N")[..6];
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = new Uri(url + "/"),
            Timeout = TimeSpan.FromSeconds(60),
        };

        var sampler = new RuntimeSampler();
        CustomerOutcome[] outcomes;
        TimeSpan wall;
        try
        {
            var began = TimeProvider.System.GetTimestamp();
            outcomes = await Task.WhenAll(Enumerable.Range(1, options.Conversations)
                .Select(n => new WebCustomer(http, staff, replies, measurements, figures, options, $"Линия {runId} №{n}"))
                .Select(customer => Task.Run(() => customer.RunAsync(overall.Token), CancellationToken.None)));
            wall = TimeProvider.System.GetElapsedTime(began);
        }
        finally
        {
            await sampler.DisposeAsync();
        }

        var memory = BenchMemory.Capture(sampler);
        using (var stopping = new CancellationTokenSource(StopTimeout))
        {
            await host.StopAsync(stopping.Token);
        }

        Write(output, options, database, url, startUp, wall, outcomes, measurements, figures, staff, logCounter, memory);
        return outcomes.All(o => o.Completed) ? 0 : 1;
    }

    private static void Write(
        TextWriter output, BenchOptions options, BenchDatabase database, string url, TimeSpan startUp, TimeSpan wall, IReadOnlyList<CustomerOutcome> outcomes,
        BenchMeasurements measurements, WebChatFigures figures, AutoStaff staff, LogCounter logs, BenchMemory memory)
    {
        var turns = measurements.CustomerTurn.Summarise();
        var completed = outcomes.Count(o => o.Completed);
        output.WriteLine();
        output.WriteLine($"BlockBot web chat bench: {options.Conversations} concurrent visitors of /chat, each a Direct Line client (HTTP + WebSocket stream) on {url}");
        output.WriteLine($"first-block path to the chats_only_end reminder, periods {Number(options.PeriodsSeconds, "0.##")} s, staff take and finish each card at once, " +
                         $"{Environment.ProcessorCount} CPUs, {(memory.ServerGc ? "server" : "workstation")} GC");
        output.WriteLine($"database {database.Description}");
        output.WriteLine("visitors answer without a pause; bot and visitors share one process, so memory and CPU are both together");
        output.WriteLine();
        Row(output, "Figure", "Value");
        Row(output, new string('-', LabelWidth), new string('-', 24));
        Row(output, "conversations completed", $"{completed} of {outcomes.Count}");
        Row(output, "host start-up (migrations, Quartz, dialogs, web host)", Seconds(startUp));
        Row(output, "wall time (all conversations, start to end)", Seconds(wall));
        Row(output, "customer messages answered", turns.Count.ToString(CultureInfo.InvariantCulture));
        Row(output, "turns/s (customer messages answered / wall time)", Number(turns.Count / wall.TotalSeconds));
        Row(output, "tickets posted / completed / staff failures", $"{staff.Completed + staff.Failed} / {staff.Completed} / {staff.Failed}");
        Row(output, "requests failed or refused / stream reconnects", $"{figures.Errors.Requests} / {figures.Errors.Reconnects}");
        Row(output, "replies unexpected / groups out of order", $"{measurements.Unexpected} / {measurements.OutOfOrder}");
        Row(output, "log warnings / errors", $"{logs.Warnings} / {logs.Errors}");
        Row(output, "peak working set (Process.PeakWorkingSet64)", Megabytes(memory.PeakWorkingSetBytes));
        Row(output, "peak managed heap (sampled)", Megabytes(memory.PeakManagedBytes));
        Row(output, "allocated in all", Megabytes(memory.AllocatedBytes));
        Row(output, "GC collections gen0 / gen1 / gen2, pause", $"{memory.Gen0} / {memory.Gen1} / {memory.Gen2}, {Seconds(memory.GcPause)}");
        Row(output, "CPU time (share of all CPUs over wall time)",
            $"{Seconds(memory.CpuTime)} ({Number(100 * memory.CpuTime.TotalSeconds / (wall.TotalSeconds * Environment.ProcessorCount), "0")} %)");
        Row(output, "thread pool threads / queued items, peak", $"{memory.PeakThreadPoolThreads} / {memory.PeakThreadPoolQueue}");
        Row(output, "database size at end", Megabytes(database.SizeBytes));
        output.WriteLine();

        output.WriteLine($"{"Latency",-LabelWidth}  {"count",7} {"mean",9} {"p50",9} {"p95",9} {"p99",9} {"max",9}");
        output.WriteLine($"{new string('-', LabelWidth)}  {new string('-', 7)} {new string('-', 9)} {new string('-', 9)} {new string('-', 9)} {new string('-', 9)} {new string('-', 9)}");
        Latency(output, "turn: message posted → bot's last reply on the stream (ms)", turns, 1);
        foreach (var (step, byStep) in measurements.TurnsByStep)
        {
            Latency(output, "  " + step, byStep.Summarise(), 1);
        }

        Latency(output, "  of which: POST answered (turn saved) (ms)", figures.Post.Summarise(), 1);
        Latency(output, "chat opened (token, conversation, stream) → greeting (ms)", figures.Start.Summarise(), 1);
        Latency(output, "ticket posted → customer told done, on the stream (ms)", measurements.StaffRoundTrip.Summarise(), 1);
        Latency(output, "staff done stored → customer told, on the stream (ms)", measurements.StaffDoneToCustomer.Summarise(), 1);
        Latency(output, "reminder late past due, upper bound (ms)", measurements.ReminderDelay.Summarise(), 1);
        Latency(output, "whole procedure per conversation (s)", measurements.Procedure.Summarise(), 1000);

        WriteList(output, "Failed conversations (first 10):", [.. outcomes.Where(o => !o.Completed).Take(10).Select(o => $"{o.UserId} after {Seconds(o.Elapsed)}: {o.Failure}")]);
        WriteList(output, "Unexpected replies (first few):", measurements.UnexpectedSamples);
        WriteList(output, "Logged warnings and errors (first few):", logs.Samples);
        output.WriteLine();
        output.WriteLine(completed == outcomes.Count ? "Result: every conversation completed." : $"Result: {outcomes.Count - completed} conversation(s) failed.");
        output.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["bench"] = "webchat",
            ["provider"] = database.Provider,
            ["conversations"] = outcomes.Count,
            ["completed"] = completed,
            ["turns"] = turns.Count,
            ["turns_per_second"] = Math.Round(turns.Count / wall.TotalSeconds, 1),
            ["turn_p50_ms"] = Math.Round(turns.P50, 1),
            ["turn_p95_ms"] = Math.Round(turns.P95, 1),
            ["turn_p99_ms"] = Math.Round(turns.P99, 1),
            ["request_errors"] = figures.Errors.Requests,
            ["stream_reconnects"] = figures.Errors.Reconnects,
            ["unexpected_replies"] = measurements.Unexpected,
            ["peak_working_set_mb"] = Math.Round(memory.PeakWorkingSetBytes / (1024.0 * 1024.0), 1),
        }));
    }

    private static void Row(TextWriter output, string label, string value) => output.WriteLine($"{label,-LabelWidth}  {value}");

    private static void Latency(TextWriter output, string label, LatencySummary summary, double divisor) =>
        output.WriteLine($"{label,-LabelWidth}  {summary.Count,7} {Number(summary.Mean / divisor),9} {Number(summary.P50 / divisor),9} " +
                         $"{Number(summary.P95 / divisor),9} {Number(summary.P99 / divisor),9} {Number(summary.Max / divisor),9}");

    private static void WriteList(TextWriter output, string title, IReadOnlyCollection<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine(title);
        foreach (var line in lines)
        {
            output.WriteLine("  " + line.ReplaceLineEndings(" "));
        }
    }

    private static string Seconds(TimeSpan duration) => Number(duration.TotalSeconds, "0.00") + " s";

    private static string Megabytes(long bytes) => Number(bytes / (1024.0 * 1024.0), "0.0") + " MB";

    private static string Number(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);
}
