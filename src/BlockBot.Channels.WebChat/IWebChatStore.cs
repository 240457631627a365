namespace BlockBot.Channels.WebChat;

/// <summary>
/// What the web chat keeps durably, as the channel needs it; the storage project implements it (ADR 0010, 0013). A
/// conversation and its activities, each numbered in its conversation from 1 in the order stored: that number is the
/// Direct Line watermark. What a turn says is a <see cref="WebChatActivityQueued"/> record, saved with the turn.
/// </summary>
public interface IWebChatStore
{
    /// <summary>Records a conversation; false when it existed already.</summary>
    Task<bool> StartAsync(string conversationId, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Appends activities (JSON) to the conversation outside a turn, numbered after everything stored before.</summary>
    Task AppendAsync(string conversationId, IReadOnlyList<string> activities, CancellationToken cancellationToken);

    /// <summary>The conversation's activities numbered after <paramref name="watermark"/>, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<StoredActivity>> ReadAfterAsync(string conversationId, long watermark, int limit, CancellationToken cancellationToken);

    /// <summary>Deletes the conversation's stored activities; numbering goes on after them, so no watermark is reused.</summary>
    Task EraseActivitiesAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Deletes up to <paramref name="batchSize"/> activities, of any conversation, stored before <paramref name="cutoff"/>, oldest first; returns how many.</summary>
    Task<int> DeleteActivitiesOlderThanAsync(DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes up to <paramref name="batchSize"/> conversations started before <paramref name="cutoff"/> that have no
    /// activity stored any more; returns how many. Such a conversation no longer exists: its page starts a new one.
    /// </summary>
    Task<int> DeleteEmptyConversationsOlderThanAsync(DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken);
}
