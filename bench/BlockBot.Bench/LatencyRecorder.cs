namespace BlockBot.Bench;

/// <summary>Collects durations from many threads; summarised once the run is over.</summary>
public sealed class LatencyRecorder
{
    private readonly List<double> _milliseconds = [];

    public void Record(TimeSpan duration)
    {
        lock (_milliseconds)
        {
            _milliseconds.Add(duration.TotalMilliseconds);
        }
    }

    public LatencySummary Summarise() => Summarise([this]);

    /// <summary>The durations of all <paramref name="recorders"/> together (one per bot instance of a run).</summary>
    public static LatencySummary Summarise(IEnumerable<LatencyRecorder> recorders)
    {
        var all = new List<double>();
        foreach (var recorder in recorders)
        {
            lock (recorder._milliseconds)
            {
                all.AddRange(recorder._milliseconds);
            }
        }

        var sorted = all.ToArray();
        Array.Sort(sorted);
        return LatencySummary.Of(sorted);
    }
}
