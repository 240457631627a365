using BlockBot.Support.Tickets;

namespace BlockBot.Storage.Sql.Domain;

/// <summary>One group of <c>handoff_ticket</c> rows by state and kind, as Dapper reads it.</summary>
internal sealed class TicketTallyRow
{
    // MIN over the time text is the earliest time: the text has a fixed width (see SqlValues).
    public const string Columns = "state AS State, kind AS Kind, COUNT(*) AS Count, MIN(opens_at) AS EarliestOpensAt";

    public string State { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public long Count { get; set; }

    public string EarliestOpensAt { get; set; } = string.Empty;

    public TicketTally ToTally() => new(TicketStates.Parse(State), TicketKinds.Parse(Kind), Count, SqlValues.ParseTime(EarliestOpensAt));
}
