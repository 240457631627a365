using BlockBot.Channels.Telegram.Inbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace BlockBot.Channels.Telegram.Receiving;

/// <summary>
/// Our own getUpdates loop. A batch is recorded in the inbox and confirmed to Telegram (by the next call's
/// offset) only after every update in it was handled, so a crash loses nothing: unconfirmed updates come
/// again, and the ones already handled are recognised by their id. Each update is read on its own, and one
/// that cannot be handled is quarantined (<see cref="TelegramUpdateIntake"/>): it never holds the offset back.
/// Errors back off up to 30 s.
/// </summary>
public sealed class TelegramPollingService(
    ITelegramBotClient bot,
    ITelegramStore store,
    TelegramUpdateIntake intake,
    IOptions<TelegramOptions> options,
    ILogger<TelegramPollingService> logger) : BackgroundService
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan HandledCheck = TimeSpan.FromMilliseconds(20);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        long? offset = null;
        var backoff = FirstBackoff;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var updates = await bot.SendRequest(
                    new GetRawUpdatesRequest { Offset = offset, Limit = 100, Timeout = options.Value.PollingTimeoutSeconds, AllowedUpdates = TelegramStartup.AllowedUpdates },
                    stoppingToken);
                backoff = FirstBackoff;
                if (updates.Length == 0)
                {
                    continue;
                }

                var (added, read) = await intake.TakeAsync(updates, stoppingToken);
                // Telegram numbers every update; without one number in the batch there is no offset to confirm it by.
                var last = read ?? throw new InvalidDataException($"none of the {updates.Length} updates has an update_id");
                logger.LogDebug("Received {Count} updates ({New} new) up to {UpdateId}", updates.Length, added, last);
                while (!await store.HandledThroughAsync(last, stoppingToken))
                {
                    await Task.Delay(HandledCheck, stoppingToken);
                }

                offset = last + 1;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                var reason = e is ApiRequestException api ? $"{api.ErrorCode}: {api.Message}" : e.Message;
                logger.LogWarning("getUpdates failed ({Reason}); trying again in {Backoff}", reason, backoff);
                await Task.Delay(backoff, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }
}
