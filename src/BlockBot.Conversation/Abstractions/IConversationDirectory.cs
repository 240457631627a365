using Microsoft.Bot.Schema;

namespace BlockBot.Conversation.Abstractions;

/// <summary>Where a customer can be reached proactively: the last ConversationReference seen from them.</summary>
public interface IConversationDirectory
{
    Task SaveAsync(CustomerId customer, ConversationReference reference, CancellationToken cancellationToken);

    Task<ConversationReference?> FindAsync(CustomerId customer, CancellationToken cancellationToken);

    Task DeleteAsync(CustomerId customer, CancellationToken cancellationToken);
}
