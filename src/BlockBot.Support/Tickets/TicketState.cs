namespace BlockBot.Support.Tickets;

/// <summary>
/// Scheduled → Open → Taken → Done | Declined; Open may go straight to Done or Declined; any active
/// state may become Withdrawn when the customer erases their data. Text forms are the lowercase names.
/// </summary>
public enum TicketState
{
    Scheduled,
    Open,
    Taken,
    Done,
    Declined,
    Withdrawn,
}
