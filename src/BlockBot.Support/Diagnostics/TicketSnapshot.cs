using BlockBot.Support.Tickets;

namespace BlockBot.Support.Diagnostics;

/// <summary>The active tickets as one count of the database found them at <paramref name="TakenAt"/>.</summary>
public sealed record TicketSnapshot(IReadOnlyList<TicketTally> Tallies, DateTimeOffset TakenAt)
{
    public long Count(TicketState state, TicketKind kind) =>
        Tallies.Where(t => t.State == state && t.Kind == kind).Sum(t => t.Count);

    /// <summary>When the ticket that has waited longest for staff (open or taken) opened; null when there is none.</summary>
    public DateTimeOffset? EarliestWorkableOpensAt =>
        Tallies.Where(t => t.State.IsWorkable() && t.Count > 0).Select(t => (DateTimeOffset?)t.EarliestOpensAt).Min();
}
