namespace BlockBot.Support.Tickets;

/// <summary>How many active tickets share a state and kind, and when the earliest of them opened (or, while scheduled, will open).</summary>
public sealed record TicketTally(TicketState State, TicketKind Kind, long Count, DateTimeOffset EarliestOpensAt);
