using System.Diagnostics;
using System.Runtime;

namespace BlockBot.Bench;

/// <summary>Memory, CPU, GC and thread pool figures of the process at the end of the run.</summary>
public sealed record BenchMemory(
    long PeakWorkingSetBytes,
    long PeakManagedBytes,
    long ManagedBytesAtEnd,
    long HeapSizeBytes,
    long CommittedBytes,
    long AllocatedBytes,
    int Gen0,
    int Gen1,
    int Gen2,
    TimeSpan GcPause,
    TimeSpan CpuTime,
    bool ServerGc,
    int PeakThreadPoolThreads,
    long PeakThreadPoolQueue,
    long LockContentions)
{
    public static BenchMemory Capture(RuntimeSampler sampler)
    {
        using var process = Process.GetCurrentProcess();
        var info = GC.GetGCMemoryInfo();
        return new BenchMemory(
            process.PeakWorkingSet64,
            sampler.PeakManagedBytes,
            GC.GetTotalMemory(forceFullCollection: false),
            info.HeapSizeBytes,
            info.TotalCommittedBytes,
            GC.GetTotalAllocatedBytes(precise: false),
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            GC.GetTotalPauseDuration(),
            process.TotalProcessorTime,
            GCSettings.IsServerGC,
            sampler.PeakThreadPoolThreads,
            sampler.PeakThreadPoolQueue,
            Monitor.LockContentionCount);
    }
}
