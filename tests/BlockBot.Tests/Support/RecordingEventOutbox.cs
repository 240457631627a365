using System.Collections.Concurrent;
using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Events;

namespace BlockBot.Tests.Support;

internal sealed class RecordingEventOutbox : IEventOutbox
{
    public ConcurrentQueue<SentEvent> Sent { get; } = new();

    public ConcurrentQueue<string?> DeliveryIds { get; } = new();

    public Task EnqueueAsync(CustomerId customer, string eventName, IReadOnlyDictionary<string, string> values, string? deliveryId, CancellationToken cancellationToken)
    {
        Sent.Enqueue(new SentEvent(customer, eventName, values));
        DeliveryIds.Enqueue(deliveryId);
        return Task.CompletedTask;
    }
}
