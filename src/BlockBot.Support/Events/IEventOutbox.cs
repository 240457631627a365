using BlockBot.Conversation.Abstractions;

namespace BlockBot.Support.Events;

/// <summary>Sends an event into a customer's conversation durably: once enqueued, it is delivered or retried, across restarts.</summary>
public interface IEventOutbox
{
    /// <param name="deliveryId">
    /// Names this one event: queued again under the same id (an action repeated after a crash did not finish it), it
    /// still reaches the customer once. Null: a fresh id, for an event that is new each time it is queued.
    /// </param>
    Task EnqueueAsync(
        CustomerId customer,
        string eventName,
        IReadOnlyDictionary<string, string> values,
        string? deliveryId,
        CancellationToken cancellationToken);
}
