namespace BlockBot.Support.Customers;

/// <summary>What <c>/status</c> reports. Stage, reminder kind and ticket state are keys the texts file translates.</summary>
public sealed record CustomerStatus(
    string Line,
    string Stage,
    string? NextReminderKind,
    DateTimeOffset? NextReminderAt,
    long? TicketId,
    string? TicketState,
    string? TicketHandledBy,
    DateTimeOffset? TicketOpensAt);
