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

    public LatencySummary Summarise()
    {
        double[] sorted;
        lock (_milliseconds)
        {
            sorted = [.. _milliseconds];
        }

        Array.Sort(sorted);
        return LatencySummary.Of(sorted);
    }
}
