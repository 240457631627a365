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

    public LatencyRecorder DispatchTime { get; } = new();

    public IReadOnlyDictionary<string, long> Delivered => _delivered;

    /// <summary>Dispatches that threw (Quartz retries them) or found no conversation.</summary>
    public IReadOnlyDictionary<string, long> Failed => _failed;

    public async Task<bool> DispatchAsync(CustomerId customer, string eventName, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        var delivered = false;
        try
        {
            delivered = await dispatcher.DispatchAsync(customer, eventName, values, cancellationToken);
            return delivered;
        }
        finally
        {
            DispatchTime.Record(TimeProvider.System.GetElapsedTime(started));
            (delivered ? _delivered : _failed).AddOrUpdate(eventName, 1, (_, n) => n + 1);
        }
    }
}
