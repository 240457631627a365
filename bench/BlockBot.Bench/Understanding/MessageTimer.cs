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

    /// <returns>Milliseconds of the first call (the cold one, JIT included), and the median of <paramref name="repeats"/> more.</returns>
    public static (double First, double Median) Build<T>(Func<T> build, int repeats)
        where T : IDisposable
    {
        var started = Stopwatch.GetTimestamp();
        build().Dispose();
        var first = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var times = new double[repeats];
        for (var i = 0; i < repeats; i++)
        {
            started = Stopwatch.GetTimestamp();
            build().Dispose();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(times);
        return (first, times[repeats / 2]);
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
}
