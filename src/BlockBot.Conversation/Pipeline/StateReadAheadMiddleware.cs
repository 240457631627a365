using BlockBot.Conversation.State;
using BlockBot.Conversation.Turns;
using Microsoft.Bot.Builder;

namespace BlockBot.Conversation.Pipeline;

/// <summary>
/// Declares the turn's conversation and user state keys before anything reads them, so the first of the two reads
/// fetches both in one query (<see cref="StateReadAhead"/>): nearly every turn reads both.
/// </summary>
public sealed class StateReadAheadMiddleware(BotStateAccessors state) : IMiddleware
{
    private readonly IStateWithStorageKey[] _states = new BotState[] { state.ConversationState, state.UserState }.OfType<IStateWithStorageKey>().ToArray();

    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var readAhead = turnContext.UnitOfWork().ReadAhead;
        foreach (var stateWithKey in _states)
        {
            if (stateWithKey.StorageKeyOf(turnContext) is { } key)
            {
                readAhead.Expect(key);
            }
        }

        return next(cancellationToken);
    }
}
