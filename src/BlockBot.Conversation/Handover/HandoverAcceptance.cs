using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Conversation.Engine;
using BlockBot.Conversation.State;
using BlockBot.Conversation.Turns;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace BlockBot.Conversation.Handover;

/// <summary>
/// Takes a conversation over from the channel where a one-time code was offered (ADR 0015): this turn's conversation
/// goes on from the step the other one stood at, with its values and language; the old conversation's state is cleared
/// and the domain's records become this customer's (<see cref="CustomerHandedOver"/>), all in this turn's transaction.
/// </summary>
internal sealed class HandoverAcceptance(
    IHandoverCodes codes,
    IStorage storage,
    IEnumerable<ICancelHook> cancelHooks,
    TimeProvider time,
    ILogger<HandoverAcceptance> logger)
{
    /// <returns>
    /// True when the code was answered (the conversation moved here, or could not while this chat has a case of its own);
    /// false for a code that is unknown, used or expired, after saying so.
    /// </returns>
    public async Task<bool> TryAcceptAsync(Turn turn, string code, CancellationToken cancellationToken)
    {
        var handover = await codes.FindAsync(code, time.GetUtcNow(), cancellationToken);
        if (handover is null || handover.Customer == turn.Customer)
        {
            await turn.SayAsync(TextKeys.HandoverUnknown, cancellationToken);
            return false;
        }

        foreach (var hook in cancelHooks)
        {
            // One open case per customer: the moved one cannot join another.
            if (await hook.HasOpenAsync(turn.Customer, turn.State.Values, cancellationToken))
            {
                await turn.SayAsync(TextKeys.HandoverBusy, cancellationToken);
                return true;
            }
        }

        var moved = await ReadDialogStateAsync(handover.StateKey, cancellationToken) ?? new DialogState();
        turn.State.Clear();
        turn.State.Stack.AddRange(moved.Stack);
        foreach (var (name, value) in moved.Values)
        {
            turn.State.Values[name] = value;
        }

        turn.State.Suggestions.Clear();
        turn.Language = handover.Language;
        turn.Profile.Language = handover.Language;

        var work = turn.Context.UnitOfWork();
        work.Add(new CustomerHandedOver(handover.Code, handover.Customer, turn.Customer));
        work.Change(new StateChange(handover.StateKey, null));
        logger.LogInformation("{From} continues as {To}", handover.Customer, turn.Customer);

        await turn.SayAsync(TextKeys.HandoverDone, cancellationToken);
        return true;
    }

    private async Task<DialogState?> ReadDialogStateAsync(string stateKey, CancellationToken cancellationToken)
    {
        var items = await storage.ReadAsync([stateKey], cancellationToken);
        if (!items.TryGetValue(stateKey, out var item) || item is not IDictionary<string, object> properties
            || !properties.TryGetValue(nameof(DialogState), out var state))
        {
            return null;
        }

        return state switch
        {
            DialogState typed => typed,
            JObject json => json.ToObject<DialogState>(),
            _ => null,
        };
    }
}
