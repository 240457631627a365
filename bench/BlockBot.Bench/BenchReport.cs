using System.Globalization;

namespace BlockBot.Bench;

/// <summary>Prints a run's figures as two plain tables: counts and rates, then latencies.</summary>
public static class BenchReport
{
    private const int LabelWidth = 52;

    public static void Write(TextWriter output, BenchResult result)
    {
        var options = result.Options;
        var memory = result.Memory;
        output.WriteLine();
        output.WriteLine($"BlockBot bench: {options.Conversations} concurrent conversations, first-block path to the chats_only_end reminder");
        output.WriteLine($"periods {Number(options.PeriodsSeconds, "0.##")} s, staff take and finish each card at once, {Environment.ProcessorCount} CPUs, " +
                         $"{(memory.ServerGc ? "server" : "workstation")} GC, Quartz {result.QuartzThreads} threads");
        output.WriteLine($"database {result.Database}{(options.Instances > 1 ? $", {options.Instances} bot instances on it, customers spread over them" : "")}");
        output.WriteLine(options.ThinkSeconds > 0
            ? $"customers think {Number(options.ThinkSeconds * 0.5, "0.##")}-{Number(options.ThinkSeconds * 1.5, "0.##")} s before each message (the first too), as people do"
            : "customers answer without a pause (closed loop), so every step of the path reaches the bot as a burst of all conversations: a turn waits behind the whole burst");
        output.WriteLine();

        Row(output, "Figure", "Value");
        Row(output, new string('-', LabelWidth), new string('-', 24));
        Row(output, "conversations completed", $"{result.Completed} of {result.Outcomes.Count}");
        Row(output, "conversations failed", result.Failed.ToString(CultureInfo.InvariantCulture));
        Row(output, "host start-up (migrations, Quartz, dialogs)", Seconds(result.StartUp));
        Row(output, "wall time (all conversations, start to end)", Seconds(result.Wall));
        Row(output, "customer turns", result.CustomerTurn.Count.ToString(CultureInfo.InvariantCulture));
        Row(output, "customer turns/s (turns / wall time)", Number(result.CustomerTurn.Count / result.Wall.TotalSeconds, "0.0"));
        Row(output, "proactive turns (reminders + staff events)", result.ProactiveTurns.ToString(CultureInfo.InvariantCulture));
        Row(output, "all turns/s", Number((result.CustomerTurn.Count + result.ProactiveTurns) / result.Wall.TotalSeconds, "0.0"));
        Row(output, "reminders delivered (chats_only_end)", Delivered(result, "chats_only_end"));
        Row(output, "staff events delivered (staff_taken)", Delivered(result, "staff_taken"));
        Row(output, "staff events delivered (staff_done)", Delivered(result, "staff_done"));
        Row(output, "event dispatches failed or unreachable", Sum(result.EventsFailed));
        Row(output, "event turns that found it delivered before", Sum(result.EventsDeliveredBefore));
        Row(output, "Quartz misfires (fired > 5 s late)", result.Misfires.ToString(CultureInfo.InvariantCulture));
        Row(output, "tickets posted / completed / staff failures", $"{result.StaffCards} / {result.StaffCompleted} / {result.StaffFailed}");
        Row(output, "replies unexpected / groups out of order / unrouted", $"{result.UnexpectedReplies} / {result.OutOfOrderReplies} / {result.Undeliverable}");
        Row(output, "log warnings / errors", $"{result.LogWarnings} / {result.LogErrors}");
        Row(output, "peak working set (Process.PeakWorkingSet64)", Megabytes(memory.PeakWorkingSetBytes));
        Row(output, "peak managed heap (GC.GetTotalMemory, sampled)", Megabytes(memory.PeakManagedBytes));
        Row(output, "managed heap at end (GC.GetTotalMemory)", Megabytes(memory.ManagedBytesAtEnd));
        Row(output, "GC heap size / committed (GC.GetGCMemoryInfo)",
            memory.Gen0 == 0 ? "no GC ran" : $"{Megabytes(memory.HeapSizeBytes)} / {Megabytes(memory.CommittedBytes)} (at the last GC)");
        Row(output, "allocated in all (GC.GetTotalAllocatedBytes)", Megabytes(memory.AllocatedBytes));
        Row(output, "GC collections gen0 / gen1 / gen2", $"{memory.Gen0} / {memory.Gen1} / {memory.Gen2}");
        Row(output, "GC pause total", Seconds(memory.GcPause));
        Row(output, "CPU time (share of all CPUs over wall time)",
            $"{Seconds(memory.CpuTime)} ({Number(100 * memory.CpuTime.TotalSeconds / (result.Wall.TotalSeconds * Environment.ProcessorCount), "0")} %)");
        Row(output, "thread pool threads / queued items, peak (sampled)", $"{memory.PeakThreadPoolThreads} / {memory.PeakThreadPoolQueue}");
        Row(output, "monitor lock contentions", memory.LockContentions.ToString(CultureInfo.InvariantCulture));
        Row(output, "database size at end (SQLite: file and WAL)", Megabytes(result.DatabaseBytes));
        output.WriteLine();

        output.WriteLine($"{"Latency",-LabelWidth}  {"count",7} {"mean",9} {"p50",9} {"p95",9} {"p99",9} {"max",9}");
        output.WriteLine($"{new string('-', LabelWidth)}  {new string('-', 7)} {new string('-', 9)} {new string('-', 9)} {new string('-', 9)} {new string('-', 9)} {new string('-', 9)}");
        Latency(output, "customer turn, send to turn finished (ms)", result.CustomerTurn, 1);
        foreach (var (step, turns) in result.CustomerTurnByStep)
        {
            Latency(output, "  " + step, turns, 1);
        }

        if (result.AdmissionWait.Count > 0)
        {
            Latency(output, "  waiting for a turn slot, turns that waited (ms)", result.AdmissionWait, 1);
        }

        foreach (var (name, summary) in result.Operations.Where(o => o.Summary.Count > 0))
        {
            Latency(output, $"  inside turns: {name} (ms)", summary, 1);
        }

        if (result.EventFireDelay.Count > 0)
        {
            // Only events queued as Quartz jobs by an earlier version; the outbox table delivers the rest.
            Latency(output, "Quartz fire delay, queued staff events (ms)", result.EventFireDelay, 1);
        }

        Latency(output, "Quartz fire delay, reminders (ms)", result.ReminderFireDelay, 1);
        Latency(output, "proactive turn, event dispatch (ms)", result.EventDispatch, 1);
        Latency(output, "staff take + done through StaffDesk (ms)", result.StaffTakeAndDone, 1);
        Latency(output, "ticket posted to customer told done (ms)", result.StaffRoundTrip, 1);
        Latency(output, "staff done stored to customer told (ms)", result.StaffDoneToCustomer, 1);
        Latency(output, "reminder late past due, upper bound (ms)", result.ReminderDelay, 1);
        Latency(output, "whole procedure per conversation (s)", result.Procedure, 1000);

        WriteList(output, "Failed conversations (first 10):", result.Outcomes.Where(o => !o.Completed).Take(10).Select(o => $"{o.UserId} after {Seconds(o.Elapsed)}: {o.Failure}").ToList());
        WriteList(output, "Unexpected replies (first few):", result.UnexpectedSamples);
        WriteList(output, "Replies out of order:", result.OutOfOrderKinds.Select(k => $"{k.Key}: {k.Value}").ToList());
        WriteList(output, "Logged warnings and errors (first few):", result.LogSamples);
        output.WriteLine();
        output.WriteLine(result.Failed == 0 ? "Result: every conversation completed." : $"Result: {result.Failed} conversation(s) failed.");
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

    private static string Delivered(BenchResult result, string eventName) =>
        $"{result.EventsDelivered.GetValueOrDefault(eventName)} of {result.Outcomes.Count}";

    private static string Sum(IReadOnlyDictionary<string, long> counts) =>
        counts.Count == 0 ? "0" : $"{counts.Values.Sum()} ({string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"))})";

    private static string Seconds(TimeSpan duration) => Number(duration.TotalSeconds, "0.00") + " s";

    private static string Megabytes(long bytes) => Number(bytes / (1024.0 * 1024.0), "0.0") + " MB";

    private static string Number(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);
}
