namespace BlockBot.Channels.Telegram.Sending;

/// <summary>
/// Telegram's limits count every message of the bot, whichever instance sends it. Where several instances share one
/// database (PostgreSQL), they book their sends here: each booking takes the next free slot of its key (overall, or
/// one chat) and says how long to wait for it, so the instances together keep the rate. With one instance (SQLite)
/// there is nothing to share.
/// </summary>
public interface ISharedSendSchedule
{
    bool IsShared { get; }

    /// <summary>Books the next slot of <paramref name="key"/>, <paramref name="gap"/> after the one before it.</summary>
    /// <returns>How long to wait before sending in it; zero when nothing is shared.</returns>
    Task<TimeSpan> BookAsync(string key, TimeSpan gap, CancellationToken cancellationToken);
}
