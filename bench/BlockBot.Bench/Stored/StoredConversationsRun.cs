using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BlockBot.Bench.Peer;
using Microsoft.Extensions.DependencyInjection;

namespace BlockBot.Bench.Stored;

/// <summary>
/// N distinct customers, each through the peers' 6 turns once (dialog stack, user profile, transcript lines and the
/// conversation reference stored every turn), a bounded number in flight at once, through the product's console-only
/// host on a fresh SQLite file; then the process idles and its memory is read as an operator would. Every reply is
/// checked. Prints a summary line and, last, one JSON object.
/// </summary>
public static class StoredConversationsRun
{
    public static async Task<int> ExecuteAsync(StoredConversationsOptions options, TextWriter output, TextWriter log, CancellationToken cancellationToken)
    {
        using var database = BenchDatabase.Create(BenchOptions.Default with { DatabasePath = options.DatabasePath });
        using var host = StoredConversationsHost.Build(database);
        await host.StartAsync(cancellationToken);
        var adapter = host.Services.GetRequiredService<PeerAdapter>();
        var idle = TimeSpan.FromSeconds(options.IdleSeconds);

        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"stored-conversations: pid {Environment.ProcessId}; {database.Description}; idling {idle.TotalSeconds:0} s after start"));
        await Task.Delay(idle, cancellationToken);
        var started = MemorySnapshot.Capture();

        var began = Stopwatch.GetTimestamp();
        await RunConversationsAsync(adapter, options, log, cancellationToken);
        var wall = Stopwatch.GetElapsedTime(began);
        var served = MemorySnapshot.Capture();

        // As a bot left alone after the burst: whatever it gives back by itself (BlockBot:Memory).
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"stored-conversations: pid {Environment.ProcessId} served; idling {idle.TotalSeconds:0} s"));
        await Task.Delay(idle, cancellationToken);
        var quiet = MemorySnapshot.Capture();

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var collected = MemorySnapshot.Capture();
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"stored-conversations: pid {Environment.ProcessId} served and collected; idling {idle.TotalSeconds:0} s"));
        await Task.Delay(idle, cancellationToken);
        var idled = MemorySnapshot.Capture();

        // What the GC would give back if asked to (its committed but empty space), as the bot does once after start-up.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var released = MemorySnapshot.Capture();

        var turns = options.Conversations * (long)PeerProcedure.UserTurns(0).Length;
        var result = new Dictionary<string, object>
        {
            ["mode"] = "stored-conversations",
            ["conversations"] = options.Conversations,
            ["concurrent"] = options.Concurrent,
            ["turns"] = turns,
            ["seconds"] = Math.Round(wall.TotalSeconds, 1),
            ["turns_per_s"] = Math.Round(turns / wall.TotalSeconds, 1),
            ["database_mb"] = MemorySnapshot.Megabytes(database.SizeBytes),
            ["idle_after_start"] = started.ToReport(),
            ["after_conversations"] = served.ToReport(),
            ["idle_after_conversations"] = quiet.ToReport(),
            ["after_forced_gc"] = collected.ToReport(),
            ["idle_after_gc"] = idled.ToReport(),
            ["after_aggressive_gc"] = released.ToReport(),
        };

        await host.StopAsync(CancellationToken.None);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"blockbot stored-conversations N={options.Conversations}: RSS idle {started.RssBytes / 1048576.0:0.0} MB → {served.RssBytes / 1048576.0:0.0} after serving " +
            $"→ {quiet.RssBytes / 1048576.0:0.0} idle → {idled.RssBytes / 1048576.0:0.0} idle after GC (peak {idled.PeakRssBytes / 1048576.0:0.0}) → {released.RssBytes / 1048576.0:0.0} after an aggressive GC; GC heap {idled.HeapSizeBytes / 1048576.0:0.0} MB; " +
            $"database {result["database_mb"]} MB; {result["turns_per_s"]:0} turns/s"));
        await output.WriteLineAsync(JsonSerializer.Serialize(result));
        return 0;
    }

    /// <summary>Conversations handed out one by one to <c>Concurrent</c> loops; each customer's 6 turns in order.</summary>
    private static async Task RunConversationsAsync(PeerAdapter adapter, StoredConversationsOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var next = -1;
        var tenth = Math.Max(1, options.Conversations / 10);
        var loops = Enumerable.Range(0, Math.Min(options.Concurrent, options.Conversations)).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < options.Conversations; i = Interlocked.Increment(ref next))
            {
                var turns = PeerProcedure.UserTurns(i);
                for (var t = 0; t < turns.Length; t++)
                {
                    var replies = await adapter.SendAsync($"stored-{i}", $"customer-{i}", turns[t], cancellationToken);
                    PeerProcedure.Check(i, t, replies);
                }

                if ((i + 1) % tenth == 0)
                {
                    await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"stored-conversations: conversation {i + 1} served, RSS {MemorySnapshot.Capture().RssBytes / 1048576.0:0} MB"));
                }
            }
        }, cancellationToken));
        await Task.WhenAll(loops);
        if (adapter.Stray > 0)
        {
            throw new InvalidOperationException($"{adapter.Stray} replies outside a turn");
        }
    }
}
