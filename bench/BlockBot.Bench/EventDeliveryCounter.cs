using System.Collections.Concurrent;
using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Proactive;

namespace BlockBot.Bench;

/// <summary>
/// Wraps the product's event dispatcher to count, per event name, what reached a conversation and what
/// did not, and how long each proactive turn took (the turn lock's wait included).
/// </summary>
public sealed class EventDeliveryCounter(ConversationEventDispatcher dispatcher) : IConversationEvents
{
    private readonly ConcurrentDictionary<string, long> _delivered = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _failed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _deliveredBefore = new(StringComparer.Ordinal);

    public LatencyRecorder DispatchTime { get; } = new();

    public IReadOnlyDictionary<string, long> Delivered => _delivered;

    /// <summary>Dispatches that threw (they are retried) or found no conversation.</summary>
    public IReadOnlyDictionary<string, long> Failed => _failed;

    /// <summary>Dispatches whose turn found the event delivered already (by another instance): a turn spent for nothing.</summary>
    public IReadOnlyDictionary<string, long> DeliveredBefore => _deliveredBefore;

    public async Task<EventDelivery> DispatchAsync(
        CustomerId customer,
        string eventName,
        IReadOnlyDictionary<string, string> values,
        string? deliveryId,
        CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        var delivery = EventDelivery.Unreachable;
        try
        {
            delivery = await dispatcher.DispatchAsync(customer, eventName, values, deliveryId, cancellationToken);
            return delivery;
        }
        finally
        {
            DispatchTime.Record(TimeProvider.System.GetElapsedTime(started));
            var tally = delivery switch
            {
                EventDelivery.Delivered => _delivered,
                EventDelivery.AlreadyDelivered => _deliveredBefore,
                _ => _failed,
            };
            tally.AddOrUpdate(eventName, 1, (_, n) => n + 1);
        }
    }
}
