namespace BlockBot.Support.Events;

/// <summary>Names of the values events bring (docs/dialog-format.md, "Events").</summary>
public static class EventValueNames
{
    public const string TicketId = "ticket_id";
    public const string Staff = "staff";
    public const string DeclineReason = "decline_reason";
    public const string Text = "text";
}
