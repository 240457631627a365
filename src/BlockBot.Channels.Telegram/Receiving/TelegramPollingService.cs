using BlockBot.Channels.Telegram.Inbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Telegram.Bot;

namespace BlockBot.Channels.Telegram.Receiving;

/// <summary>
/// Our own getUpdates loop. A batch is recorded in the inbox and confirmed to Telegram (by the next call's
/// offset) only after every update in it was handled, so a crash loses nothing: unconfirmed updates come
/// again, and the ones already handled are recognised by their id. Each update is read on its own, and one
/// that cannot be handled is quarantined (<see cref="TelegramUpdateIntake"/>): it never holds the offset back.
/// Errors back off up to 30 s (<see cref="PollingRetry"/>).
/// </summary>
public sealed class TelegramPollingService(
    ITelegramBotClient bot,
    ITelegramStore store,
    TelegramUpdateIntake intake,
    IOptions<TelegramOptions> options,
    ILogger<TelegramPollingService> logger) : BackgroundService
{
    private static readonly TimeSpan HandledCheck = TimeSpan.FromMilliseconds(20);

    private readonly ResiliencePipeline<long?> _retry = PollingRetry.Create(logger);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        long? offset = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                offset = await _retry.ExecuteAsync(static (state, token) => state.Service.PollOnceAsync(state.Offset, token), (Service: this, Offset: offset), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    /// <returns>The offset that confirms what this round received and handled.</returns>
    private async ValueTask<long?> PollOnceAsync(long? offset, CancellationToken stoppingToken)
    {
        var updates = await bot.SendRequest(
            new GetRawUpdatesRequest { Offset = offset, Limit = 100, Timeout = options.Value.PollingTimeoutSeconds, AllowedUpdates = TelegramStartup.AllowedUpdates },
            stoppingToken);
        if (updates.Length == 0)
        {
            return offset;
        }

        var (added, read) = await intake.TakeAsync(updates, stoppingToken);
        // Telegram numbers every update; without one number in the batch there is no offset to confirm it by.
        var last = read ?? throw new InvalidDataException($"none of the {updates.Length} updates has an update_id");
        logger.LogDebug("Received {Count} updates ({New} new) up to {UpdateId}", updates.Length, added, last);
        while (!await store.HandledThroughAsync(last, stoppingToken))
        {
            await Task.Delay(HandledCheck, stoppingToken);
        }

        return last + 1;
    }
}
