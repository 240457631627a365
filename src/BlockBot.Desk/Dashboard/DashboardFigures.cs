using BlockBot.Support.Cases;
using BlockBot.Support.Tickets;

namespace BlockBot.Desk.Dashboard;

/// <summary>The dashboard's figures for a period, worked out from the records; pure, so the page and its tests agree.</summary>
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

    public static DashboardFigures Of(
        IReadOnlyList<BlockCase> blocks,
        IReadOnlyList<HandoffTicket> closed,
        IReadOnlyList<HandoffTicket> active,
        int remindersSent,
        DateOnly firstDay,
        int days,
        TimeZoneInfo zone,
        DateTimeOffset now)
    {
        var perDay = Enumerable.Range(0, days).Select(i => firstDay.AddDays(i)).ToDictionary(d => d, d => new BlocksOnDay(d, 0, 0, 0));
        foreach (var block in blocks)
        {
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(block.CreatedAt, zone).DateTime);
            if (perDay.TryGetValue(day, out var counts))
            {
                perDay[day] = block.Outcome == CaseOutcomes.Refused ? counts with { Refused = counts.Refused + 1 }
                    : block.Repeated == true ? counts with { Repeated = counts.Repeated + 1 }
                    : counts with { First = counts.First + 1 };
            }
        }

        var done = closed.Where(t => t is { State: TicketState.Done, ClosedAt: not null }).Select(t => t.ClosedAt!.Value - t.OpensAt).Order().ToList();
        // Taken: those closed in the period and those being worked on now; a ticket done without being taken has no taken time.
        var taken = closed.Concat(active).Where(t => t.TakenAt is not null).Select(t => t.TakenAt!.Value - t.OpensAt).Order().ToList();
        var ages = active.Where(t => t.State.IsWorkable()).Select(t => now - t.OpensAt).ToList();
        return new DashboardFigures(
            perDay.Values.OrderBy(d => d.Day).ToList(),
            blocks.Count,
            blocks.Count(b => b.CrmMarketing is not null),
            blocks.Count(b => b.CrmMarketing == true),
            Percentile(done, 0.5),
            Percentile(done, 0.9),
            done.Count,
            Percentile(taken, 0.5),
            Percentile(taken, 0.9),
            taken.Count,
            remindersSent,
            [.. AgeBounds.Select((bound, i) => ages.Count(a => a < bound && (i == 0 || a >= AgeBounds[i - 1]))), ages.Count(a => a >= AgeBounds[^1])]);
    }

    /// <summary>Nearest-rank percentile of sorted values; null when there are none.</summary>
    private static TimeSpan? Percentile(IReadOnlyList<TimeSpan> sorted, double share) =>
        sorted.Count == 0 ? null : sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Count) - 1)];
}
