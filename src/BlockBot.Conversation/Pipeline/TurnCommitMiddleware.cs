using BlockBot.Conversation.Abstractions;
using Microsoft.Bot.Builder;

namespace BlockBot.Conversation.Pipeline;

/// <summary>
/// Saves a turn's state, its replies and the mark that its update or event is handled together, once the turn is
/// over and while it still holds its conversation's lock. A turn that throws saves nothing.
/// </summary>
public sealed class TurnCommitMiddleware(ITurnCommitter committer) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var commit = TurnCommit.For(turnContext);
        using (commit.Collect())
        {
            await next(cancellationToken);
        }

        // Not the turn's token: the turn is over, and stopping now would lose what it said.
        await committer.CommitAsync(commit, CancellationToken.None);
        foreach (var work in commit.Work)
        {
            work.Committed();
        }
    }
}
