using BlockBot.Conversation.Turns;
using Microsoft.Bot.Builder;

namespace BlockBot.Conversation.State;

/// <summary>Bot Builder's <see cref="UserState"/> saved with the turn, as <see cref="TurnSavedConversationState"/> is.</summary>
public sealed class TurnSavedUserState : UserState, IStateWithStorageKey
{
    /// <summary>Where Bot Builder's UserState caches its state in the turn, which its property accessors read.</summary>
    private const string TurnStateKey = nameof(UserState);

    private readonly IStorage _store;

    public TurnSavedUserState(IStorage store)
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
        turnContext.Activity is { ChannelId: not null, From.Id: not null } ? GetStorageKey(turnContext) : null;

    private UserState ForTurn(ITurnContext turnContext) => new(new TurnStateStorage(_store, turnContext.UnitOfWork()));
}
