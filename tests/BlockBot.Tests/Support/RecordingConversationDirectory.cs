using System.Collections.Concurrent;
using BlockBot.Conversation.Abstractions;
using Microsoft.Bot.Schema;

namespace BlockBot.Tests.Support;

internal sealed class RecordingConversationDirectory : IConversationDirectory
{
    public ConcurrentQueue<CustomerId> Deleted { get; } = new();

    public ConcurrentQueue<CustomerId> Saved { get; } = new();

    public Task SaveAsync(CustomerId customer, ConversationReference reference, CancellationToken cancellationToken)
    {
        Saved.Enqueue(customer);
        return Task.CompletedTask;
    }

    public Task<ConversationReference?> FindAsync(CustomerId customer, CancellationToken cancellationToken) => Task.FromResult<ConversationReference?>(null);

    public Task DeleteAsync(CustomerId customer, CancellationToken cancellationToken)
    {
        Deleted.Enqueue(customer);
        return Task.CompletedTask;
    }
}
