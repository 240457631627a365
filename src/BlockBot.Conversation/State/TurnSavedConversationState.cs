using BlockBot.Conversation.Turns;
using Microsoft.Bot.Builder;

namespace BlockBot.Conversation.State;

/// <summary>
/// Bot Builder's <see cref="ConversationState"/> whose loads, saves and deletes go through the turn's
/// <see cref="TurnStateStorage"/>: a save or delete becomes a <see cref="StateChange"/> of the turn's unit of work,
/// written with the rest of the turn (ADR 0010). Each call is made by a plain ConversationState over that storage;
/// both keep the state in the same turn-state slot, so Bot Builder's own change tracking decides what is saved.
/// </summary>
public sealed class TurnSavedConversationState : ConversationState, IStateWithStorageKey
{
    private readonly IStorage _store;

    public TurnSavedConversationState(IStorage store)
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
        turnContext.Activity is { ChannelId: not null, Conversation.Id: not null } ? GetStorageKey(turnContext) : null;

    private ConversationState ForTurn(ITurnContext turnContext) => new(new TurnStateStorage(_store, turnContext.UnitOfWork()));
}
