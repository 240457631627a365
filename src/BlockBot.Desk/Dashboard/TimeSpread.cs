namespace BlockBot.Desk.Dashboard;

/// <summary>How long something took: nearest-rank median and p90 over <paramref name="Count"/> tickets (null when none).</summary>
public sealed record TimeSpread(TimeSpan? Median, TimeSpan? P90, int Count)
{
    public static readonly TimeSpread None = new(null, null, 0);
}
