using BlockBot.Conversation.Abstractions;
using Microsoft.Extensions.Logging;

namespace BlockBot.Support.Events;

/// <summary>
/// Queues an event as a row of the outbox table (<see cref="IQueuedEvents"/>) and wakes the <see cref="EventDispatcher"/>,
/// which delivers it at once; the row survives a crash before delivery and is delivered after the restart, by this
/// instance or another sharing the database.
/// </summary>
public sealed class EventOutbox(IQueuedEvents queue, EventDispatcher dispatcher, TimeProvider time, ILogger<EventOutbox> logger) : IEventOutbox
{
    private const string GroupPrefix = "events.";

    /// <summary>The key that orders the customer's events: their lock, and the Quartz group of events queued by earlier versions.</summary>
    public static string GroupOf(CustomerId customer) => GroupPrefix + customer.Key;

    /// <summary>Whether a Quartz job group holds events an earlier version queued as jobs (they are still delivered).</summary>
    public static bool IsEventGroup(string group) => group.StartsWith(GroupPrefix, StringComparison.Ordinal);

    public async Task EnqueueAsync(
        CustomerId customer,
        string eventName,
        IReadOnlyDictionary<string, string> values,
        string? deliveryId,
        CancellationToken cancellationToken)
    {
        await queue.AddAsync(customer, eventName, values, deliveryId ?? Guid.NewGuid().ToString("N"), time.GetUtcNow(), cancellationToken);
        dispatcher.Wake();
        logger.LogDebug("Queued event {Event} for {Customer}", eventName, customer);
    }
}
