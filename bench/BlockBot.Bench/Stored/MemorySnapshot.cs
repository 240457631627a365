using System.Globalization;

namespace BlockBot.Bench.Stored;

/// <summary>The process's memory as an operator sees it (<c>/proc/self/status</c>) and as the GC sees it.</summary>
public sealed record MemorySnapshot(long RssBytes, long PeakRssBytes, long HeapSizeBytes, long CommittedBytes, long LiveManagedBytes)
{
    public static MemorySnapshot Capture()
    {
        var status = File.ReadAllLines("/proc/self/status");
        var info = GC.GetGCMemoryInfo();
        return new MemorySnapshot(
            Kilobytes(status, "VmRSS:") * 1024,
            Kilobytes(status, "VmHWM:") * 1024,
            info.HeapSizeBytes,
            info.TotalCommittedBytes,
            GC.GetTotalMemory(forceFullCollection: false));
    }

    /// <summary>Megabytes, one decimal, for the report.</summary>
    public Dictionary<string, double> ToReport() => new()
    {
        ["rss_mb"] = Megabytes(RssBytes),
        ["peak_rss_mb"] = Megabytes(PeakRssBytes),
        ["gc_heap_mb"] = Megabytes(HeapSizeBytes),
        ["gc_committed_mb"] = Megabytes(CommittedBytes),
        ["managed_live_mb"] = Megabytes(LiveManagedBytes),
    };

    public static double Megabytes(long bytes) => Math.Round(bytes / 1048576.0, 1);

    private static long Kilobytes(string[] status, string field)
    {
        var line = status.FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"/proc/self/status has no {field}");
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
