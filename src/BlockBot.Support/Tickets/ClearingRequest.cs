using BlockBot.Conversation.Abstractions;

namespace BlockBot.Support.Tickets;

/// <summary>What <c>request_clearing</c> hands over: a queue clearing or VM change for one line.</summary>
public sealed record ClearingRequest(
    CustomerId Customer,
    long CaseId,
    TicketKind Kind,
    string Line,
    bool? CrmMarketing,
    bool? Repeated,
    string Language);
