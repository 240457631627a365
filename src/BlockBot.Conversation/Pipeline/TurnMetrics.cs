using System.Diagnostics;
using BlockBot.Conversation.Diagnostics;
using Microsoft.Bot.Builder;

namespace BlockBot.Conversation.Pipeline;

/// <summary>Counts each turn and records how long it took, first in the pipeline so the time spent queued for the conversation counts.</summary>
public sealed class TurnMetrics(BlockBotMetrics metrics) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(cancellationToken);
        }
        finally
        {
            metrics.TurnCompleted(turnContext.Activity.ChannelId ?? "unknown", turnContext.Activity.Type ?? "unknown", Stopwatch.GetElapsedTime(started));
        }
    }
}
