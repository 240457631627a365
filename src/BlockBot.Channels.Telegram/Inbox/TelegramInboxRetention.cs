using BlockBot.Conversation.Retention;
using Microsoft.Extensions.Logging;

namespace BlockBot.Channels.Telegram.Inbox;

/// <summary>
/// Keeps the inbox from growing for ever: once an hour, updates handled more than a week ago are forgotten. Telegram
/// offers an update for 24 hours at most, so a week is far more than recognising a repeat needs. Quarantined
/// updates are kept for 30 days, for people to look at.
/// </summary>
public sealed class TelegramInboxRetention(ITelegramStore store, TimeProvider time, ILogger<TelegramInboxRetention> logger) : HourlyPruning(time, logger)
{
    public static readonly TimeSpan Kept = TimeSpan.FromDays(7);
    public static readonly TimeSpan QuarantineKept = TimeSpan.FromDays(30);

    protected override string What => "Telegram updates handled (or quarantined) long ago";

    protected override async Task<int> PruneAsync(CancellationToken cancellationToken) =>
        await store.PruneAsync(Time.GetUtcNow() - Kept, cancellationToken)
        + await store.PruneQuarantineAsync(Time.GetUtcNow() - QuarantineKept, cancellationToken);
}
