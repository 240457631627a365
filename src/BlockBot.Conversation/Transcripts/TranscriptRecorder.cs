using BlockBot.Conversation.Turns;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BlockBot.Conversation.Transcripts;

/// <summary>
/// Keeps the conversation's transcript with the turn: every message the bot sends in the turn (replies, reminders,
/// staff messages) and the customer's message, which the engine adds once it handles it (<see cref="TurnTranscript.Received"/>;
/// an event redelivered and skipped adds none). The lines go into the turn's unit of work, so they are saved in the
/// turn's transaction or not at all. Bot Builder's <c>TranscriptLoggerMiddleware</c> is not used: its
/// <c>ITranscriptLogger</c> is called after the turn, outside its transaction and without its context (ADR 0011).
/// </summary>
public sealed class TranscriptRecorder(TimeProvider time) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var transcript = TurnTranscript.StartIn(turnContext, time);
        turnContext.OnSendActivities(async (_, activities, send) =>
        {
            var responses = await send();
            foreach (var activity in activities.Where(a => a.Type == ActivityTypes.Message))
            {
                transcript.Said(activity);
            }

            return responses;
        });

        await next(cancellationToken);

        if (transcript.Lines is { Count: > 0 } lines)
        {
            turnContext.UnitOfWork().Add(new TranscriptLinesKept(lines));
        }
    }
}
