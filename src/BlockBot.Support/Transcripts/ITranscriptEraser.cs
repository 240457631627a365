using BlockBot.Conversation.Abstractions;

namespace BlockBot.Support.Transcripts;

/// <summary>Deletes transcript lines: a customer's (<c>/forget</c>), or those past their retention.</summary>
public interface ITranscriptEraser
{
    Task EraseAsync(CustomerId customer, CancellationToken cancellationToken);

    /// <summary>Deletes at most <paramref name="batchSize"/> of the lines said before <paramref name="cutoff"/>, oldest first.</summary>
    /// <returns>How many lines were deleted; fewer than <paramref name="batchSize"/> means none older is left.</returns>
    Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken);
}
