using BlockBot.Conversation.State;
using Microsoft.Bot.Builder;

namespace BlockBot.Conversation.Pipeline;

/// <summary>The middleware every channel adapter runs, in order: one turn per conversation at a time, then state load/save, then reference keeping.</summary>
public sealed class BotPipeline(
    ConversationTurnLock turnLock,
    BotStateAccessors state,
    ConversationReferenceRecorder references,
    TurnErrorHandler errors)
{
    public void ApplyTo(BotAdapter adapter)
    {
        adapter.Use(turnLock);
        adapter.Use(new AutoSaveStateMiddleware(state.ConversationState, state.UserState));
        adapter.Use(references);
        adapter.OnTurnError = errors.OnTurnErrorAsync;
    }
}
