using BlockBot.Conversation.State;
using BlockBot.Conversation.Transcripts;
using Microsoft.Bot.Builder;

namespace BlockBot.Conversation.Pipeline;

/// <summary>
/// The middleware every channel adapter runs, in order: turn metrics, the message's NUL characters made text, one turn
/// per conversation at a time, saving the turn in one transaction, keeping its transcript lines, then state load/save
/// (both states read in one query), then reference keeping.
/// </summary>
public sealed class BotPipeline(
    TurnMetrics metrics,
    ConversationTurnLock turnLock,
    TurnCommitMiddleware commit,
    TranscriptRecorder transcript,
    BotStateAccessors state,
    ConversationReferenceRecorder references,
    TurnErrorHandler errors)
{
    public void ApplyTo(BotAdapter adapter)
    {
        adapter.Use(metrics);
        adapter.Use(new NulCharacterMiddleware());
        adapter.Use(turnLock);
        adapter.Use(commit);
        adapter.Use(transcript);
        adapter.Use(new StateReadAheadMiddleware(state));
        adapter.Use(new AutoSaveStateMiddleware(state.ConversationState, state.UserState));
        adapter.Use(references);
        adapter.OnTurnError = errors.OnTurnErrorAsync;
    }
}
