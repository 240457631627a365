using System.Runtime.InteropServices;

namespace BlockBot;

/// <summary>
/// Gives back what start-up used once and no longer needs: reading the configuration, loading the dialogs and questions
/// and building the question index leave some 15 MB of garbage and freed native memory that the GC and glibc's malloc
/// would otherwise keep for good, as an idle bot allocates too little to make them collect or trim (README, "Idle,
/// start-up and memory").
/// </summary>
internal static class StartupMemory
{
    public static void Release()
    {
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
    }

    // DllImport rather than LibraryImport: a call with only blittable arguments needs no generated marshalling, and the
    // project has no unsafe code.
    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
