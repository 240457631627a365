namespace BlockBot.Support.Tickets;

/// <summary>The text forms of <see cref="TicketState"/> (the lowercase names) and the state groups the domain asks about.</summary>
public static class TicketStates
{
    public static string ToText(this TicketState state) => state switch
    {
        TicketState.Scheduled => "scheduled",
        TicketState.Open => "open",
        TicketState.Taken => "taken",
        TicketState.Done => "done",
        TicketState.Declined => "declined",
        TicketState.Withdrawn => "withdrawn",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown ticket state."),
    };

    public static TicketState Parse(string text) => text switch
    {
        "scheduled" => TicketState.Scheduled,
        "open" => TicketState.Open,
        "taken" => TicketState.Taken,
        "done" => TicketState.Done,
        "declined" => TicketState.Declined,
        "withdrawn" => TicketState.Withdrawn,
        _ => throw new FormatException($"Not a ticket state: '{text}'."),
    };

    /// <summary>Not finished yet: scheduled, open or taken.</summary>
    public static bool IsActive(this TicketState state) => state is TicketState.Scheduled or TicketState.Open or TicketState.Taken;

    /// <summary>A person can act on it now: open or taken.</summary>
    public static bool IsWorkable(this TicketState state) => state is TicketState.Open or TicketState.Taken;
}
