using System.Diagnostics;

namespace BlockBot.Bench.Understanding;

/// <summary>Understands the labelled messages over and over, one at a time on this thread, and times each.</summary>
public static class MessageTimer
{
    /// <returns>Microseconds per message (percentiles over every one), and bytes allocated per message.</returns>
    public static (LatencySummary Microseconds, double BytesPerMessage) Measure(IReadOnlyList<string> messages, int count, Action<string> understand)
    {
        for (var i = 0; i < Math.Max(2_000, messages.Count * 2); i++)
        {
            understand(messages[i % messages.Count]);
        }

        var microseconds = new double[count];
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            understand(messages[i % messages.Count]);
            microseconds[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Array.Sort(microseconds);
        return (LatencySummary.Of(microseconds), (double)allocated / count);
    }

    /// <returns>
    /// Milliseconds of the first call (the cold one, JIT included), the median of <paramref name="repeats"/> more, and
    /// the median CPU time of those (the process's: on a busy machine it shows the work apart from the waiting).
    /// </returns>
    public static BuildTimes Build<T>(Func<T> build, int repeats)
        where T : IDisposable
    {
        var started = Stopwatch.GetTimestamp();
        build().Dispose();
        var first = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var times = new double[repeats];
        var cpu = new double[repeats];
        for (var i = 0; i < repeats; i++)
        {
            var cpuBefore = CpuMilliseconds();
            started = Stopwatch.GetTimestamp();
            build().Dispose();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            cpu[i] = CpuMilliseconds() - cpuBefore;
        }

        Array.Sort(times);
        Array.Sort(cpu);
        return new BuildTimes(first, times[repeats / 2], cpu[repeats / 2]);
    }

    /// <returns>Bytes of managed heap that a built <typeparamref name="T"/> keeps while it lives.</returns>
    public static long Retained<T>(Func<T> build)
        where T : IDisposable
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        using var built = build();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(built);
        return after - before;
    }

    private static double CpuMilliseconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }
}
