using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;

namespace BlockBot.Bench.Peer;

/// <summary>
/// One run of the peer procedure, as bench-peers/botbuilder-js/bench.js <c>worker</c> does it: N conversations in
/// flight at once, closed loop, a warm-up, then the measured rounds; every reply checked; then one probe
/// conversation to weigh the stored state. Prints a summary line and, last, one JSON object.
/// </summary>
public static class PeerRun
{
    public static async Task<int> ExecuteAsync(PeerOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        using var database = BenchDatabase.Create(BenchOptions.Default with { DatabasePath = options.DatabasePath });
        using var host = PeerHost.Build(options, database);
        await host.StartAsync(cancellationToken);
        var adapter = host.Services.GetRequiredService<PeerAdapter>();
        var n = options.Conversations;
        using var process = Process.GetCurrentProcess();
        var rssStart = process.WorkingSet64;

        await RunRoundsAsync(adapter, n, options.WarmupRounds, latencies: null, cancellationToken);

        var total = options.Rounds * 6 * n;
        var latencies = new double[total];
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var pausedBefore = GC.GetTotalPauseDuration();
        var timings = host.Services.GetService<OperationTimings>();
        var sampler = options.Timings ? new RuntimeSampler() : null;
        var began = Stopwatch.GetTimestamp();
        await RunRoundsAsync(adapter, n, options.Rounds, latencies, cancellationToken);
        var wall = Stopwatch.GetElapsedTime(began);
        if (sampler is not null && timings is not null)
        {
            await sampler.DisposeAsync();
            ReportTimings(timings, sampler);
        }

        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        int[] collections = [GC.CollectionCount(0) - collectionsBefore[0], GC.CollectionCount(1) - collectionsBefore[1], GC.CollectionCount(2) - collectionsBefore[2]];
        var paused = GC.GetTotalPauseDuration() - pausedBefore;
        Array.Sort(latencies);

        var state = await ProbeStateAsync(host.Services, adapter, database, n + 1, cancellationToken);
        process.Refresh();
        var result = new Dictionary<string, object>
        {
            ["bot"] = "blockbot",
            ["storage"] = options.Storage,
            ["n"] = n,
            ["rounds"] = options.Rounds,
            ["turns"] = total,
            ["warmup_turns"] = options.WarmupRounds * 6 * n,
            ["seconds"] = Math.Round(wall.TotalSeconds, 3),
            ["turns_per_s"] = Math.Round(total / wall.TotalSeconds, 1),
            ["p50_ms"] = Math.Round(Percentile(latencies, 0.50), 3),
            ["p99_ms"] = Math.Round(Percentile(latencies, 0.99), 3),
            ["max_ms"] = Math.Round(latencies[^1], 3),
            ["cpu_s"] = Math.Round(cpu.TotalSeconds, 3),
            ["cores"] = Math.Round(cpu.TotalSeconds / wall.TotalSeconds, 2),
            ["cpu_us_per_turn"] = Math.Round(cpu.TotalMicroseconds / total, 1),
            ["gc_collections"] = collections,
            ["gc_pause_ms"] = Math.Round(paused.TotalMilliseconds, 1),
            ["rss_start_mb"] = Math.Round(rssStart / 1048576.0, 1),
            ["peak_rss_mb"] = Math.Round(process.PeakWorkingSet64 / 1048576.0, 1),
            ["allocated_bytes_per_turn"] = GC.GetTotalAllocatedBytes() / (total + options.WarmupRounds * 6L * n),
            ["state_bytes"] = state,
        };

        await host.StopAsync(CancellationToken.None);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"blockbot {options.Storage} N={n}: {result["turns_per_s"]:0} turns/s  p50 {result["p50_ms"]} ms  p99 {result["p99_ms"]} ms  " +
            $"max {result["max_ms"]} ms  cores {result["cores"]}  peak RSS {result["peak_rss_mb"]} MB  ({total} turns, {result["seconds"]} s)"));
        output.WriteLine(System.Text.Json.JsonSerializer.Serialize(result));
        return 0;
    }

    private static async Task RunRoundsAsync(PeerAdapter adapter, int n, int rounds, double[]? latencies, CancellationToken cancellationToken)
    {
        var next = -1;
        var loops = Enumerable.Range(0, n).Select(i => Task.Run(async () =>
        {
            var turns = PeerProcedure.UserTurns(i);
            for (var r = 0; r < rounds; r++)
            {
                for (var t = 0; t < turns.Length; t++)
                {
                    var started = Stopwatch.GetTimestamp();
                    var replies = await adapter.SendAsync($"conv-{i}", $"user-{i}", turns[t], cancellationToken);
                    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (latencies is not null)
                    {
                        latencies[Interlocked.Increment(ref next)] = elapsed;
                    }

                    PeerProcedure.Check(i, t, replies);
                }
            }
        }, cancellationToken));
        await Task.WhenAll(loops);
        if (adapter.Stray > 0)
        {
            throw new InvalidOperationException($"{adapter.Stray} replies outside a turn");
        }
    }

    /// <summary>One more conversation through the 6 turns, weighing the stored dialog stack and profile after each.</summary>
    private static async Task<Dictionary<string, object>> ProbeStateAsync(
        IServiceProvider services, PeerAdapter adapter, BenchDatabase database, int i, CancellationToken cancellationToken)
    {
        var storage = services.GetRequiredService<IStorage>();
        var conversationKey = $"{PeerAdapter.ChannelName}/conversations/probe-{i}";
        var userKey = $"{PeerAdapter.ChannelName}/users/probe-user-{i}";
        var conversation = new List<long>();
        var user = new List<long>();
        var turns = PeerProcedure.UserTurns(i);
        for (var t = 0; t < turns.Length; t++)
        {
            var replies = await adapter.SendAsync($"probe-{i}", $"probe-user-{i}", turns[t], cancellationToken);
            PeerProcedure.Check(i, t, replies);
            conversation.Add(await StoredBytesAsync(storage, database, conversationKey, cancellationToken));
            user.Add(await StoredBytesAsync(storage, database, userKey, cancellationToken));
        }

        return new Dictionary<string, object>
        {
            ["conversation_avg"] = (long)Math.Round(conversation.Average()),
            ["conversation_max"] = conversation.Max(),
            ["user_avg"] = (long)Math.Round(user.Average()),
            ["per_turn"] = new Dictionary<string, object> { ["conversation"] = conversation, ["user"] = user },
        };
    }

    private static async Task<long> StoredBytesAsync(IStorage storage, BenchDatabase database, string key, CancellationToken cancellationToken)
    {
        if (storage is MemoryStorage)
        {
            var items = await storage.ReadAsync([key], cancellationToken);
            return items.TryGetValue(key, out var item) ? System.Text.Encoding.UTF8.GetByteCount(JsonConvert.SerializeObject(item)) : 0;
        }

        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT length(CAST(document AS BLOB)) FROM bot_state WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return await command.ExecuteScalarAsync(cancellationToken) is long bytes ? bytes : 0;
    }

    /// <summary>Warm-up and measured phase together: where a turn's time goes, and whether the thread pool starved.</summary>
    private static void ReportTimings(OperationTimings timings, RuntimeSampler sampler)
    {
        foreach (var (name, summary) in timings.Summarise())
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"timing {name,-12} n={summary.Count} mean {summary.Mean:0.000} ms  p50 {summary.P50:0.000}  p99 {summary.P99:0.000}  max {summary.Max:0.0}  total {summary.Mean * summary.Count / 1000:0.00} s"));
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"thread pool (measured phase): peak threads {sampler.PeakThreadPoolThreads}, peak queue {sampler.PeakThreadPoolQueue}, lock contentions {Monitor.LockContentionCount}"));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1))];
}
