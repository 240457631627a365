using BlockBot.Conversation.Abstractions;

namespace BlockBot.Support.Events;

/// <summary>Sends an event into a customer's conversation durably: once enqueued, it is delivered or retried, across restarts.</summary>
public interface IEventOutbox
{
    Task EnqueueAsync(
        CustomerId customer,
        string eventName,
        IReadOnlyDictionary<string, string> values,
        CancellationToken cancellationToken);
}
