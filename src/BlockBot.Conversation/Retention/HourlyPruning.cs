using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BlockBot.Conversation.Retention;

/// <summary>
/// Deletes what is kept past its period: at start (unless <see cref="PrunesAtStart"/> says not) and then every hour. A
/// failure is logged and tried again at the next hour. Every instance runs it; deleting what is already gone deletes
/// nothing, so instances sharing PostgreSQL need no coordination. <see cref="InBatchesAsync"/> keeps each delete a short
/// statement, so turns saving meanwhile wait for none long.
/// </summary>
public abstract class HourlyPruning(TimeProvider time, ILogger logger) : BackgroundService
{
    public const int BatchSize = 1000;

    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected TimeProvider Time { get; } = time;

    /// <summary>What is pruned, for the log: "transcript lines".</summary>
    protected abstract string What { get; }

    /// <summary>Whether the first round runs at start; otherwise an hour after.</summary>
    protected virtual bool PrunesAtStart => true;

    /// <returns>How many rows were deleted.</returns>
    protected abstract Task<int> PruneAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, Time);
        if (!PrunesAtStart && !await timer.WaitForNextTickAsync(stoppingToken))
        {
            return;
        }

        do
        {
            try
            {
                var deleted = await PruneAsync(stoppingToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Deleted {Count} {What} kept past their period", deleted, What);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Deleting old {What} failed; trying again in {Every}", What, Every);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Runs <paramref name="deleteBatch"/> (given the batch size) until a batch deletes fewer than that.</summary>
    protected static async Task<int> InBatchesAsync(Func<int, Task<int>> deleteBatch)
    {
        ArgumentNullException.ThrowIfNull(deleteBatch);
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
