using BlockBot.Channels.Telegram.Inbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Telegram.Bot;

namespace BlockBot.Channels.Telegram.Receiving;

/// <summary>
/// Our own getUpdates loop. A batch is confirmed to Telegram (by the next call's offset) once each of its updates is
/// saved: handled from memory by a turn that recorded it as it committed (ADR 0029), or recorded in the inbox to be
/// handled (ADR 0016) — so a crash loses nothing: an update not yet saved comes again, and one saved is handled from
/// the inbox after a restart, or recognised as handled by its id if it comes again.
/// Each update is read on its own, and one that cannot be handled is quarantined (<see cref="TelegramUpdateIntake"/>):
/// it never holds the offset back. The loop fetches the next batch while the inbox handles this one, but stays at most
/// <see cref="MostAhead"/> updates ahead of it (asked of the inbox each time the processor finished an update,
/// <see cref="TelegramInboxProcessor.Progress"/>). Errors back off up to 30 s (<see cref="PollingRetry"/>).
/// </summary>
public sealed class TelegramPollingService(
    ITelegramBotClient bot,
    ITelegramStore store,
    TelegramUpdateIntake intake,
    TelegramInboxProcessor processor,
    IOptions<TelegramOptions> options,
    ILogger<TelegramPollingService> logger) : BackgroundService
{
    /// <summary>How far the updates fetched may run ahead of the ones handled (Telegram numbers updates one by one).</summary>
    public const int MostAhead = 1000;

    // The inbox wakes the loop when it finished an update; this is for what it does not see (another instance's work).
    private static readonly TimeSpan HandledCheck = TimeSpan.FromMilliseconds(100);

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

    /// <returns>The offset that confirms what this round received and recorded.</returns>
    private async ValueTask<long?> PollOnceAsync(long? offset, CancellationToken stoppingToken)
    {
        var updates = await bot.SendRequest(
            new GetRawUpdatesRequest { Offset = offset, Limit = 100, Timeout = options.Value.PollingTimeoutSeconds, AllowedUpdates = TelegramStartup.AllowedUpdates },
            stoppingToken);
        if (updates.Length == 0)
        {
            return offset;
        }

        var read = await intake.HandOverAsync(updates, stoppingToken);
        // Telegram numbers every update; without one number in the batch there is no offset to confirm it by.
        var last = read ?? throw new InvalidDataException($"none of the {updates.Length} updates has an update_id");
        logger.LogDebug("Received {Count} updates up to {UpdateId}", updates.Length, last);
        while (true)
        {
            // Taken before the look, so an update finished between the look and the wait still wakes it.
            var progressed = processor.Progress.Next;
            if (await store.HandledThroughAsync(last - MostAhead, stoppingToken))
            {
                break;
            }

            await progressed.WaitAsync(HandledCheck, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            stoppingToken.ThrowIfCancellationRequested();
        }

        return last + 1;
    }
}
