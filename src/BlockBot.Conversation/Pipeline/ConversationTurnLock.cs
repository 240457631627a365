using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Concurrency;
using Microsoft.Bot.Builder;

namespace BlockBot.Conversation.Pipeline;

/// <summary>
/// Runs the turns of one conversation one at a time. BotState saves without an ETag (last write
/// wins), so two overlapping turns — a message and a scheduled event, say — would lose one's update.
/// In process a <see cref="KeyedLock{TKey}"/> per conversation queues them; across instances sharing PostgreSQL the turn also
/// holds the conversation's advisory lock (ADR 0006). A customer's turn is admitted (<see cref="CustomerTurnAdmission"/>)
/// once it is the conversation's next here, and before it waits for the database's lock, so no turn waits for admission
/// while it holds a lock another turn waits for.
/// </summary>
public sealed class ConversationTurnLock(ICrossInstanceLock crossInstance, CustomerTurnAdmission admission) : IMiddleware
{
    /// <summary>The <see cref="ICrossInstanceLock"/> scope of conversation turns.</summary>
    public const string Scope = "turn";

    private readonly KeyedLock<string> _conversations = new(StringComparer.Ordinal);

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var key = $"{turnContext.Activity.ChannelId}/{turnContext.Activity.Conversation?.Id}";
        using var turn = await _conversations.AcquireAsync(key, cancellationToken);
        using var admitted = await admission.AdmitAsync(turnContext.Activity, cancellationToken);
        await using var shared = await crossInstance.AcquireAsync(Scope, key, cancellationToken);
        await next(cancellationToken);
    }
}
