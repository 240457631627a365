using BlockBot.Support.Tickets;

namespace BlockBot.Support.Staff;

/// <param name="Message">For the staff member, in English: what happened, or why nothing did.</param>
/// <param name="Ticket">The ticket as it is now; null when it does not exist.</param>
public sealed record StaffActionResult(bool Succeeded, string Message, HandoffTicket? Ticket);
