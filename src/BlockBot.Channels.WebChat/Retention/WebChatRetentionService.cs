using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlockBot.Channels.WebChat.Retention;

/// <summary>
/// Deletes web chat activities stored longer ago than <see cref="WebChatRetentionOptions.WebChat"/>, then the
/// conversations that began before then and have nothing stored any more: at start and then every hour, in batches,
/// each its own short statement so turns saving meanwhile wait for none of them long. A visitor whose conversation was
/// deleted gets a new one from <c>/chat</c> and is greeted afresh. Every instance runs it; deleting what is already
/// gone deletes nothing, so several instances need no coordination.
/// </summary>
public sealed class WebChatRetentionService(
    IWebChatStore store,
    IOptions<WebChatRetentionOptions> options,
    TimeProvider time,
    ILogger<WebChatRetentionService> logger) : BackgroundService
{
    public const int BatchSize = 1000;

    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        do
        {
            try
            {
                var (activities, conversations) = await DeleteExpiredAsync(stoppingToken);
                if (activities + conversations > 0)
                {
                    logger.LogInformation(
                        "Deleted {Activities} web chat activities and {Conversations} emptied conversations older than {Kept}", activities, conversations, options.Value.WebChat);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Deleting old web chat activities failed; trying again in {Every}", Every);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Deletes every activity older than the retention period, then the conversations that left empty, a batch at a time.</summary>
    public async Task<(int Activities, int Conversations)> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.Value.WebChat;
        var activities = await InBatchesAsync(batch => store.DeleteActivitiesOlderThanAsync(cutoff, batch, cancellationToken));
        var conversations = await InBatchesAsync(batch => store.DeleteEmptyConversationsOlderThanAsync(cutoff, batch, cancellationToken));
        return (activities, conversations);
    }

    private static async Task<int> InBatchesAsync(Func<int, Task<int>> deleteBatch)
    {
        var total = 0;
        int deleted;
        do
        {
            deleted = await deleteBatch(BatchSize);
            total += deleted;
        }
        while (deleted == BatchSize);

        return total;
    }
}
