using BlockBot.Conversation.Abstractions;
using Microsoft.Bot.Builder;

namespace BlockBot.Conversation.Understanding;

/// <summary>Where the messages the bot did not understand are kept for support.</summary>
public interface IUnansweredMessages
{
    /// <summary>Keeps the message with the turn: saved when the turn's state is, not at all if the turn fails.</summary>
    void Record(ITurnContext turnContext, UnansweredMessage message);

    /// <summary>The newest first.</summary>
    Task<IReadOnlyList<UnansweredMessage>> ListAsync(int limit, CancellationToken cancellationToken);

    Task EraseAsync(CustomerId customer, CancellationToken cancellationToken);
}
