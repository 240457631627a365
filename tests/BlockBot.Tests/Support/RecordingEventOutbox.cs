using System.Collections.Concurrent;
using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Events;

namespace BlockBot.Tests.Support;

internal sealed class RecordingEventOutbox : IEventOutbox
{
    public ConcurrentQueue<SentEvent> Sent { get; } = new();

    public Task EnqueueAsync(CustomerId customer, string eventName, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        Sent.Enqueue(new SentEvent(customer, eventName, values));
        return Task.CompletedTask;
    }
}
