using BlockBot.Conversation.Abstractions;

namespace BlockBot.Support.Tickets;

/// <summary>What <c>request_clearing</c> hands over: a queue clearing or VM change for one line.</summary>
public sealed record ClearingRequest
{
    public required CustomerId Customer { get; init; }

    public required long CaseId { get; init; }

    public required TicketKind Kind { get; init; }

    public required string Line { get; init; }

    public required bool? CrmMarketing { get; init; }

    public required bool? Repeated { get; init; }

    public required string Language { get; init; }
}
