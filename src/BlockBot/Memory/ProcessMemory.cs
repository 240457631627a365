using System.Diagnostics;
using System.Runtime.InteropServices;

namespace BlockBot.Memory;

/// <summary>
/// Gives back what the process used once and no longer needs. The GC keeps the space a burst of turns (or start-up:
/// binding the configuration, loading the dialogs and questions, building the question index) made it commit, and
/// glibc's malloc keeps what native code freed; an idle bot allocates too little to make either collect or trim by
/// itself (README, "Idle, start-up and memory").
/// </summary>
public sealed class ProcessMemory : IProcessMemory
{
    public long AllocatedBytes => GC.GetTotalAllocatedBytes(precise: false);

    public MemoryReleased Release()
    {
        var before = Environment.WorkingSet;
        var started = Stopwatch.GetTimestamp();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        if (OperatingSystem.IsLinux())
        {
            try
            {
                _ = MallocTrim(0);
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
                // Not glibc (musl has no malloc_trim): nothing to trim.
            }
        }

        return new MemoryReleased(before, Environment.WorkingSet, Stopwatch.GetElapsedTime(started));
    }

    // DllImport rather than LibraryImport: a call with only blittable arguments needs no generated marshalling, and the
    // project has no unsafe code.
    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
