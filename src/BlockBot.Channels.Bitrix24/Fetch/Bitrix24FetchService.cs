using System.Globalization;
using BlockBot.Channels.Bitrix24.Events;
using BlockBot.Channels.Bitrix24.Rest;
using BlockBot.Conversation;
using BlockBot.Conversation.Abstractions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlockBot.Channels.Bitrix24.Fetch;

/// <summary>
/// Fetch mode: polls <c>imbot.v2.Event.get</c>. The events of a page are handled in order, each turn to its end,
/// and only then is the page's <c>nextOffset</c> saved and passed on (which confirms the page to the portal); a crash
/// mid-page gets the page again after the restart, and events already handled are skipped by key.
/// Of several instances sharing PostgreSQL, one fetches at a time (it holds the <see cref="Scope"/> lock); the others
/// wait for the lock and take over, from the saved offset, when that instance stops or dies.
/// </summary>
public sealed class Bitrix24FetchService(
    Bitrix24Api api,
    Bitrix24Bot bot,
    Bitrix24EventRouter router,
    IBitrix24Store store,
    ICrossInstanceLock crossInstance,
    IOptions<Bitrix24Options> options,
    ILogger<Bitrix24FetchService> logger) : BackgroundService
{
    /// <summary>The <see cref="ICrossInstanceLock"/> scope the fetching instance holds.</summary>
    public const string Scope = "bitrix24-fetch";

    private static readonly TimeSpan MaxErrorDelay = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var botId = await bot.IdAsync(stoppingToken);
        IAsyncDisposable fetching;
        try
        {
            fetching = await crossInstance.AcquireAsync(Scope, "events", stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        await using (fetching)
        {
            logger.LogInformation("This instance fetches the Bitrix24 events");
            await FetchAsync(botId, stoppingToken);
        }
    }

    private async Task FetchAsync(long botId, CancellationToken stoppingToken)
    {
        // Read only once the lock is held: an instance taking over goes on from where the last one confirmed.
        var saved = await store.GetAsync(IBitrix24Store.OffsetName, stoppingToken);
        long? offset = long.TryParse(saved, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
        var errors = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan pause;
            try
            {
                var page = await api.GetEventsAsync(botId, offset, stoppingToken);
                foreach (var raw in page.Events)
                {
                    await HandleAsync(raw, stoppingToken);
                }

                if (page.NextOffset is { } next && next != offset)
                {
                    await store.SetAsync(IBitrix24Store.OffsetName, next.ToString(CultureInfo.InvariantCulture), stoppingToken);
                    offset = next;
                }

                errors = 0;
                pause = page.HasMore ? options.Value.MoreEventsInterval : page.Events.Count > 0 ? TimeSpan.Zero : options.Value.PollInterval;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                errors++;
                var grown = options.Value.PollInterval * Math.Pow(2, Math.Min(errors, 6));
                pause = grown < MaxErrorDelay ? grown : MaxErrorDelay;
                logger.LogError(e, "Fetching Bitrix24 events failed ({Errors} in a row); trying again in {Pause}", errors, pause);
            }

            if (pause > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(pause, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task HandleAsync(System.Text.Json.Nodes.JsonObject raw, CancellationToken cancellationToken)
    {
        var type = JsonRead.Text(raw["type"]) ?? string.Empty;
        var eventId = JsonRead.Text(raw["eventId"]);
        Bitrix24Event inbound;
        try
        {
            inbound = Bitrix24EventParser.Parse(type, raw["data"] as System.Text.Json.Nodes.JsonObject ?? [], eventId);
        }
        catch (FormatException e)
        {
            // A malformed event would block the queue for ever if it were retried; it is logged and passed over.
            logger.LogError("Bitrix24 event {EventId} ({Type}) is malformed and was skipped: {Problem}", VisibleText.Escape(eventId), VisibleText.Escape(type), VisibleText.Escape(e.Message));
            return;
        }

        await router.RouteAsync(inbound, cancellationToken);
    }
}
