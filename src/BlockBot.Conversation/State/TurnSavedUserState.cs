using BlockBot.Conversation.Turns;
using Microsoft.Bot.Builder;

namespace BlockBot.Conversation.State;

/// <summary>Bot Builder's <see cref="UserState"/> saved with the turn, as <see cref="TurnSavedConversationState"/> is.</summary>
public sealed class TurnSavedUserState : UserState, IStateWithStorageKey
{
    private readonly IStorage _store;

    public TurnSavedUserState(IStorage store)
        : base(store)
    {
        _store = store;
    }

    public override Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default) =>
        ForTurn(turnContext).LoadAsync(turnContext, force, cancellationToken);

    public override Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default) =>
        ForTurn(turnContext).SaveChangesAsync(turnContext, force, cancellationToken);

    public override Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
        ForTurn(turnContext).DeleteAsync(turnContext, cancellationToken);

    public string? StorageKeyOf(ITurnContext turnContext) =>
        turnContext.Activity is { ChannelId: not null, From.Id: not null } ? GetStorageKey(turnContext) : null;

    private UserState ForTurn(ITurnContext turnContext) => new(new TurnStateStorage(_store, turnContext.UnitOfWork()));
}
