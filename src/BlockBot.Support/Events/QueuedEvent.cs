using BlockBot.Conversation.Abstractions;

namespace BlockBot.Support.Events;

/// <summary>An event waiting in the outbox to be brought into the customer's conversation.</summary>
public sealed record QueuedEvent
{
    /// <summary>The event's place in the outbox; a customer's events are delivered in ascending order.</summary>
    public required long Id { get; init; }

    public required CustomerId Customer { get; init; }

    public required string EventName { get; init; }

    public required IReadOnlyDictionary<string, string> Values { get; init; }

    /// <summary>Names this one event, so that delivering it again (after a crash, or queued twice) reaches the customer once.</summary>
    public required string DeliveryId { get; init; }

    public required DateTimeOffset QueuedAt { get; init; }

    /// <summary>Failed attempts so far.</summary>
    public required int FailedAttempts { get; init; }

    /// <summary>Not to be tried before then: the queueing time, or after a failure, when the next attempt is due.</summary>
    public required DateTimeOffset NextAttemptAt { get; init; }
}
