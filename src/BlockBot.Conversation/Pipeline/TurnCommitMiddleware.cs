using BlockBot.Conversation.Turns;
using Microsoft.Bot.Builder;

namespace BlockBot.Conversation.Pipeline;

/// <summary>
/// Saves the turn's <see cref="TurnUnitOfWork"/> — its state, its replies and the mark that its update or event is
/// handled — in one transaction once the turn is over, while it still holds its conversation's lock, and then runs
/// the unit of work's committed callbacks. A turn that throws saves nothing.
/// </summary>
public sealed class TurnCommitMiddleware(ITurnStore store) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var work = turnContext.UnitOfWork();
        await next(cancellationToken);

        // Not the turn's token: the turn is over, and stopping now would lose what it said.
        await store.SaveAsync(work, CancellationToken.None);
        work.Committed();
    }
}
