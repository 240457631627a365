using BlockBot.Conversation.Turns;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace BlockBot.Conversation.State;

/// <summary>
/// How <see cref="TurnSavedConversationState"/> and <see cref="TurnSavedUserState"/> load and save. A load reads
/// through the turn's <see cref="TurnStateStorage"/> into the turn-state slot Bot Builder's own BotState caches the
/// state in; a save hands the state to the turn's unit of work as it is. Bot Builder's BotState learns whether the
/// state changed by serialising all of it at load, at save and after the write, three times a turn; here the store
/// learns it once, when it serialises the state to write it, and leaves a document it read unchanged alone (ADR 0021).
/// </summary>
internal static class TurnSavedStates
{
    public static async Task LoadAsync(
        BotState state, string turnStateKey, string storageKey, IStorage store, ITurnContext turnContext, bool force, CancellationToken cancellationToken)
    {
        if (!force && state.GetCachedState(turnContext)?.State is not null)
        {
            return;
        }

        var items = await new TurnStateStorage(store, turnContext.UnitOfWork()).ReadAsync([storageKey], cancellationToken);
        var loaded = items.TryGetValue(storageKey, out var value) ? AsState(value) : new Dictionary<string, object>();

        // The constructor hashes the (empty) dictionary it is given; the loaded state is handed over unhashed.
        turnContext.TurnState[turnStateKey] = new BotState.CachedBotState { State = loaded };
    }

    /// <summary>Hands the turn's state, if it was loaded, to the unit of work, changed or not: the store tells.</summary>
    public static void SaveChanges(BotState.CachedBotState? cached, ITurnContext turnContext, Func<ITurnContext, string> storageKeyOf)
    {
        if (cached?.State is { } values)
        {
            turnContext.UnitOfWork().Change(new StateChange(storageKeyOf(turnContext), values));
        }
    }

    private static IDictionary<string, object> AsState(object value) => value switch
    {
        IDictionary<string, object> dictionary => dictionary,
        JObject json => json.ToObject<IDictionary<string, object>>() ?? new Dictionary<string, object>(),
        _ => throw new InvalidOperationException($"Stored bot state is a {value.GetType().Name}, not a dictionary."),
    };
}
