using BlockBot.Conversation.Abstractions;

namespace BlockBot.Support.Events;

/// <summary>The durable outbox of conversation events (storage implements it): a row per event until it is delivered.</summary>
public interface IQueuedEvents
{
    /// <summary>Stores the event; one already queued under the same delivery id is not queued twice.</summary>
    Task AddAsync(CustomerId customer, string eventName, IReadOnlyDictionary<string, string> values, string deliveryId, DateTimeOffset queuedAt, CancellationToken cancellationToken);

    /// <summary>
    /// Events that may be tried now, oldest first, leaving out every customer whose earlier event waits for a retry
    /// (so a customer's events never overtake each other).
    /// </summary>
    Task<IReadOnlyList<QueuedEvent>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The event as it stands now; null once it was delivered or dropped (by this instance or another). The dispatcher's
    /// second look, under the customer's locks, at an event it listed before.
    /// </summary>
    Task<QueuedEvent?> FindAsync(long id, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt and when the next one is due.</summary>
    Task PostponeAsync(long id, int failedAttempts, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken);

    /// <summary>Removes a delivered (or dropped) event; nothing happens if it is gone already.</summary>
    Task RemoveAsync(long id, CancellationToken cancellationToken);

    /// <summary>Removes every event still queued for the customer (they erased their data).</summary>
    Task RemoveForCustomerAsync(CustomerId customer, CancellationToken cancellationToken);
}
