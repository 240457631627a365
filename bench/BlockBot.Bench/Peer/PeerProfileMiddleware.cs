using System.Globalization;
using BlockBot.Conversation.State;
using Microsoft.Bot.Builder;

namespace BlockBot.Bench.Peer;

/// <summary>
/// Touches the peers' user profile in every turn, as their bot's <c>onMessage</c> and dialog steps do: turns and
/// lastSeen always, lastLineName once the line's name is saved, tickets when the ticket is opened. YAML dialogs
/// have no profile counters, so this middleware stands in for them; it runs inside the product's
/// <c>AutoSaveStateMiddleware</c>, so the profile is saved in the turn's one transaction with the dialog stack. The
/// ticket is seen in what the turn sends, so the same middleware serves the in-process adapter and Telegram's.
/// </summary>
public sealed class PeerProfileMiddleware(BotStateAccessors state, TimeProvider timeProvider) : IMiddleware
{
    public const string TicketOpened = "Ticket opened. A support engineer will contact you in this chat.";

    private readonly IStatePropertyAccessor<PeerProfile> _profile = state.UserState.CreateProperty<PeerProfile>(nameof(PeerProfile));

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var profile = await _profile.GetAsync(turnContext, () => new PeerProfile { FirstSeen = now }, cancellationToken);
        profile.Turns++;
        profile.LastSeen = now;
        var ticketOpened = false;
        turnContext.OnSendActivities(async (_, activities, send) =>
        {
            ticketOpened |= activities.Exists(a => a.Text == TicketOpened);
            return await send();
        });

        await next(cancellationToken);

        var dialog = await state.Dialog.GetAsync(turnContext, () => new DialogState(), cancellationToken);
        if (dialog.Values.TryGetValue("line", out var line) && line != profile.LastLineName)
        {
            profile.LastLineName = line;
        }

        if (ticketOpened)
        {
            profile.Tickets++;
        }
    }
}
