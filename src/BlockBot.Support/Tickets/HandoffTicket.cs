using BlockBot.Conversation.Abstractions;

namespace BlockBot.Support.Tickets;

/// <summary>Work handed to support staff, with what the dialog collected for it.</summary>
/// <param name="Customer">The customer it is for.</param>
/// <param name="CustomerLanguage">The customer's language (ru/en), so staff know how to reply.</param>
/// <param name="OpensAt">When the ticket opened, or, while scheduled, when it will open.</param>
/// <param name="HandledBy">Display name of the staff member who took, finished or declined it.</param>
/// <param name="StaffMessageRef">The staff chat's reference to the ticket's card (e.g. a Telegram message id), set after posting.</param>
public sealed record HandoffTicket(
    long Id,
    TicketKind Kind,
    TicketState State,
    CustomerId Customer,
    long? CaseId,
    string? Line,
    bool? CrmMarketing,
    bool? Repeated,
    string CustomerLanguage,
    DateTimeOffset CreatedAt,
    DateTimeOffset OpensAt,
    string? HandledBy,
    string? DeclineReason,
    DateTimeOffset? ClosedAt,
    string? StaffMessageRef)
{
    /// <summary>
    /// Whether the ticket holds one of its line's clearing slots: a clearing or VM change that is
    /// scheduled, open, taken or done. Declined and withdrawn tickets free their slot.
    /// </summary>
    public bool HoldsClearingSlot => Kind.IsClearing() && State is not (TicketState.Declined or TicketState.Withdrawn);

    /// <summary>
    /// The moment the clearing policy counts for this ticket: when the work was done for a done ticket,
    /// otherwise when it opened or will open (the work cannot happen before that).
    /// </summary>
    public DateTimeOffset ClearingTime => State == TicketState.Done && ClosedAt is { } done ? done : OpensAt;
}
