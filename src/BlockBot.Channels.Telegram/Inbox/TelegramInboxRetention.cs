using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BlockBot.Channels.Telegram.Inbox;

/// <summary>
/// Keeps the inbox from growing for ever: once an hour, updates handled more than a week ago are forgotten. Telegram
/// offers an update for 24 hours at most, so a week is far more than recognising a repeat needs. Quarantined
/// updates are kept for 30 days, for people to look at.
/// </summary>
public sealed class TelegramInboxRetention(ITelegramStore store, TimeProvider time, ILogger<TelegramInboxRetention> logger) : BackgroundService
{
    public static readonly TimeSpan Kept = TimeSpan.FromDays(7);
    public static readonly TimeSpan QuarantineKept = TimeSpan.FromDays(30);

    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        do
        {
            try
            {
                var forgotten = await store.PruneAsync(time.GetUtcNow() - Kept, stoppingToken)
                    + await store.PruneQuarantineAsync(time.GetUtcNow() - QuarantineKept, stoppingToken);
                if (forgotten > 0)
                {
                    logger.LogInformation("Forgot {Count} Telegram updates handled (or quarantined) long ago", forgotten);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Forgetting old Telegram updates failed; trying again in {Every}", Every);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
