namespace BlockBot.Desk.Dashboard;

/// <summary>The dashboard's figures for a period, as the database counted them.</summary>
public sealed record DashboardFigures(
    IReadOnlyList<BlocksOnDay> Days,
    int Blocks,
    int CrmAnswered,
    int AfterCrm,
    TimeSpan? DoneMedian,
    TimeSpan? DoneP90,
    int DoneCount,
    TimeSpan? TakenMedian,
    TimeSpan? TakenP90,
    int TakenCount,
    int RemindersSent,
    IReadOnlyList<int> OpenByAge)
{
    /// <summary>Upper bounds of the age buckets of open tickets; the last bucket has none.</summary>
    public static readonly TimeSpan[] AgeBounds = [TimeSpan.FromHours(1), TimeSpan.FromHours(4), TimeSpan.FromDays(1)];

    public static DashboardFigures Of(BlockTally blocks, TimeSpread done, TimeSpread taken, int remindersSent, IReadOnlyList<int> openByAge) => new(
        blocks.Days,
        blocks.Blocks,
        blocks.CrmAnswered,
        blocks.AfterCrm,
        done.Median,
        done.P90,
        done.Count,
        taken.Median,
        taken.P90,
        taken.Count,
        remindersSent,
        openByAge);
}
