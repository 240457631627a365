using BlockBot.Conversation.Retention;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlockBot.Channels.WebChat.Retention;

/// <summary>
/// Deletes web chat activities stored longer ago than <see cref="WebChatRetentionOptions.WebChat"/>, then the
/// conversations that began before then and have nothing stored any more, hourly and in batches. A visitor whose
/// conversation was deleted gets a new one from <c>/chat</c> and is greeted afresh.
/// </summary>
public sealed class WebChatRetentionService(
    IWebChatStore store,
    IOptions<WebChatRetentionOptions> options,
    TimeProvider time,
    ILogger<WebChatRetentionService> logger) : HourlyPruning(time, logger)
{
    protected override string What => "web chat activities and emptied conversations";

    protected override async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var (activities, conversations) = await DeleteExpiredAsync(cancellationToken);
        return activities + conversations;
    }

    /// <summary>Deletes every activity older than the retention period, then the conversations that left empty, a batch at a time.</summary>
    public async Task<(int Activities, int Conversations)> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var cutoff = Time.GetUtcNow() - options.Value.WebChat;
        var activities = await InBatchesAsync(batch => store.DeleteActivitiesOlderThanAsync(cutoff, batch, cancellationToken));
        var conversations = await InBatchesAsync(batch => store.DeleteEmptyConversationsOlderThanAsync(cutoff, batch, cancellationToken));
        return (activities, conversations);
    }
}
