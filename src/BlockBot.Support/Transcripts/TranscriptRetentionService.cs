using BlockBot.Conversation.Retention;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlockBot.Support.Transcripts;

/// <summary>Deletes transcript lines older than <see cref="RetentionOptions.Transcripts"/>, hourly and in batches (ADR 0011).</summary>
public sealed class TranscriptRetentionService(
    ITranscriptEraser eraser,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<TranscriptRetentionService> logger) : HourlyPruning(time, logger)
{
    protected override string What => "transcript lines";

    protected override Task<int> PruneAsync(CancellationToken cancellationToken) => DeleteExpiredAsync(cancellationToken);

    /// <summary>Deletes every line older than the retention period, a batch at a time.</summary>
    public Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var cutoff = Time.GetUtcNow() - options.Value.Transcripts;
        return InBatchesAsync(batch => eraser.DeleteOlderThanAsync(cutoff, batch, cancellationToken));
    }
}
