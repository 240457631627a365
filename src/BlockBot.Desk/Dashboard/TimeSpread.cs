namespace BlockBot.Desk.Dashboard;

/// <summary>How long something took: nearest-rank median and p90 over <paramref name="Count"/> tickets (null when none).</summary>
public sealed record TimeSpread(TimeSpan? Median, TimeSpan? P90, int Count)
{
    public static readonly TimeSpread None = new(null, null, 0);

    /// <summary>The 0-based position of the nearest-rank percentile <paramref name="share"/> among <paramref name="count"/> sorted values.</summary>
    public static int Rank(double share, int count) => Math.Max(0, (int)Math.Ceiling(share * count) - 1);
}
