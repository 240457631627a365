using BlockBot.Conversation.Turns;
using Microsoft.Bot.Builder;

namespace BlockBot.Conversation.State;

/// <summary>
/// Bot Builder's <see cref="ConversationState"/> whose loads, saves and deletes go through the turn's
/// <see cref="TurnStateStorage"/>: a save or delete becomes a <see cref="StateChange"/> of the turn's unit of work,
/// written with the rest of the turn (ADR 0010). The state is kept in the turn-state slot Bot Builder's property
/// accessors read; whether it changed is the store's to find out (<see cref="TurnSavedStates"/>, ADR 0021).
/// </summary>
public sealed class TurnSavedConversationState : ConversationState, IStateWithStorageKey
{
    /// <summary>Where Bot Builder's ConversationState caches its state in the turn, which its property accessors read.</summary>
    private const string TurnStateKey = nameof(ConversationState);

    private readonly IStorage _store;

    public TurnSavedConversationState(IStorage store)
        : base(store)
    {
        _store = store;
    }

    public override Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default) =>
        TurnSavedStates.LoadAsync(this, TurnStateKey, GetStorageKey(turnContext), _store, turnContext, force, cancellationToken);

    public override Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        TurnSavedStates.SaveChanges(GetCachedState(turnContext), turnContext, GetStorageKey);
        return Task.CompletedTask;
    }

    public override Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
        ForTurn(turnContext).DeleteAsync(turnContext, cancellationToken);

    public string? StorageKeyOf(ITurnContext turnContext) =>
        turnContext.Activity is { ChannelId: not null, Conversation.Id: not null } ? GetStorageKey(turnContext) : null;

    private ConversationState ForTurn(ITurnContext turnContext) => new(new TurnStateStorage(_store, turnContext.UnitOfWork()));
}
