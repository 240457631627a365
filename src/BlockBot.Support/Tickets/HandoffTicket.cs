using BlockBot.Conversation.Abstractions;

namespace BlockBot.Support.Tickets;

/// <summary>Work handed to support staff, with what the dialog collected for it.</summary>
public sealed record HandoffTicket
{
    public required long Id { get; init; }

    public required TicketKind Kind { get; init; }

    public required TicketState State { get; init; }

    /// <summary>The customer it is for.</summary>
    public required CustomerId Customer { get; init; }

    public required long? CaseId { get; init; }

    public required string? Line { get; init; }

    public required bool? CrmMarketing { get; init; }

    public required bool? Repeated { get; init; }

    /// <summary>The customer's language (ru/en), so staff know how to reply.</summary>
    public required string CustomerLanguage { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the ticket opened, or, while scheduled, when it will open.</summary>
    public required DateTimeOffset OpensAt { get; init; }

    /// <summary>Display name of the staff member who took, finished or declined it.</summary>
    public string? HandledBy { get; init; }

    public string? DeclineReason { get; init; }

    /// <summary>When staff took the ticket; none for a ticket done or declined without being taken.</summary>
    public DateTimeOffset? TakenAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The staff chat's reference to the ticket's card (e.g. a Telegram message id), set after posting.</summary>
    public string? StaffMessageRef { get; init; }

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
