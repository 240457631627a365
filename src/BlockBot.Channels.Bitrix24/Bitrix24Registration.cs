using System.Globalization;
using BlockBot.Channels.Bitrix24.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlockBot.Channels.Bitrix24;

/// <summary>
/// Registers the open-lines bot when the host starts. Registration by code is idempotent on the portal, so a
/// restart gets the same bot back; its event mode is switched when the configuration changed it, and the hidden
/// commands behind the keyboard buttons are (re)registered the same idempotent way.
/// </summary>
public sealed class Bitrix24Registration(
    Bitrix24Api api,
    Bitrix24Bot bot,
    IBitrix24Store store,
    IOptions<Bitrix24Options> options,
    ILogger<Bitrix24Registration> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var registered = await api.RegisterBotAsync(cancellationToken);
        var wanted = options.Value.EventMode == Bitrix24EventMode.Webhook ? "webhook" : "fetch";
        if (registered.EventMode is { } mode && !string.Equals(mode, wanted, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogInformation("Switching Bitrix24 bot {BotId} from {OldMode} to {NewMode} events", registered.Id, mode, wanted);
            await api.UpdateEventModeAsync(registered.Id, cancellationToken);
        }

        var previous = await store.GetAsync(IBitrix24Store.BotIdName, cancellationToken);
        var id = registered.Id.ToString(CultureInfo.InvariantCulture);
        if (previous != id)
        {
            if (previous is not null)
            {
                // A new bot has a new event queue: the old offset means nothing there.
                logger.LogWarning("The Bitrix24 bot id changed from {OldBotId} to {BotId}; the fetch offset starts over", previous, id);
                await store.SetAsync(IBitrix24Store.OffsetName, string.Empty, cancellationToken);
            }

            await store.SetAsync(IBitrix24Store.BotIdName, id, cancellationToken);
        }

        await api.RegisterHiddenCommandAsync(registered.Id, Bitrix24MessageFormatter.ChoiceCommand, cancellationToken);
        await api.RegisterHiddenCommandAsync(registered.Id, Staff.Bitrix24StaffCommands.TicketCommand, cancellationToken);
        bot.Registered(registered.Id);
        logger.LogInformation("Bitrix24 bot {BotId} ({BotCode}) is registered for {Mode} events", registered.Id, options.Value.BotCode, wanted);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
