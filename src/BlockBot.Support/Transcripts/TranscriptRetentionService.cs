using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlockBot.Support.Transcripts;

/// <summary>
/// Deletes transcript lines older than <see cref="RetentionOptions.Transcripts"/>: at start and then every hour, in
/// batches, each batch its own short transaction so turns saving meanwhile wait for none of them long. Every instance
/// runs it; deleting what is already gone deletes nothing, so several instances on PostgreSQL need no coordination (ADR 0011).
/// </summary>
public sealed class TranscriptRetentionService(
    ITranscriptEraser eraser,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<TranscriptRetentionService> logger) : BackgroundService
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
                var deleted = await DeleteExpiredAsync(stoppingToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Deleted {Count} transcript lines older than {Kept}", deleted, options.Value.Transcripts);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Deleting old transcript lines failed; trying again in {Every}", Every);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Deletes every line older than the retention period, a batch at a time.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.Value.Transcripts;
        var total = 0;
        int deleted;
        do
        {
            deleted = await eraser.DeleteOlderThanAsync(cutoff, BatchSize, cancellationToken);
            total += deleted;
        }
        while (deleted == BatchSize);

        return total;
    }
}
