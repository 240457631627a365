namespace BlockBot.Bench;

/// <summary>Percentiles (nearest rank) of a set of durations, in milliseconds.</summary>
public sealed record LatencySummary(int Count, double Mean, double P50, double P95, double P99, double Max)
{
    public static LatencySummary Of(IReadOnlyList<double> sorted) =>
        sorted.Count == 0
            ? new LatencySummary(0, 0, 0, 0, 0, 0)
            : new LatencySummary(
                sorted.Count,
                sorted.Average(),
                Percentile(sorted, 0.50),
                Percentile(sorted, 0.95),
                Percentile(sorted, 0.99),
                sorted[^1]);

    private static double Percentile(IReadOnlyList<double> sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];
}
