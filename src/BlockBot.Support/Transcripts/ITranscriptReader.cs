using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Transcripts;

namespace BlockBot.Support.Transcripts;

/// <summary>Reads customers' conversation transcripts, a page at a time, for staff.</summary>
public interface ITranscriptReader
{
    /// <summary>
    /// The customer's newest <paramref name="limit"/> lines said before <paramref name="before"/> (all when null), in
    /// the order they were said; the next older page is the one before the first line's <see cref="TranscriptLine.At"/>.
    /// </summary>
    Task<IReadOnlyList<TranscriptLine>> ListForCustomerAsync(CustomerId customer, int limit, DateTimeOffset? before, CancellationToken cancellationToken);
}
