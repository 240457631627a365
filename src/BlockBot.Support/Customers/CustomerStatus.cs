namespace BlockBot.Support.Customers;

/// <summary>What <c>/status</c> reports. Stage, reminder kind and ticket state are keys the texts file translates.</summary>
public sealed record CustomerStatus
{
    public required string Line { get; init; }

    public required string Stage { get; init; }

    public string? NextReminderKind { get; init; }

    public DateTimeOffset? NextReminderAt { get; init; }

    public long? TicketId { get; init; }

    public string? TicketState { get; init; }

    public string? TicketHandledBy { get; init; }

    public DateTimeOffset? TicketOpensAt { get; init; }
}
