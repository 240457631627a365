using System.Collections.Concurrent;

namespace BlockBot.Channels.Telegram.Staff;

/// <summary>
/// Rations what a member of the staff group who is not staff costs: one warning in the log and one refusal in the group
/// an hour, however often they press or reply. The group takes 20 messages a minute, so refusals sent each time would
/// queue ahead of the cards staff work on. Kept in the database (<see cref="IStrangerNoticeStore"/>), so the hour holds
/// across restarts and, on PostgreSQL, across instances: of two instances taking a notice at once one gets it. A notice
/// this instance gave is remembered in memory too, so the rest of a flood costs no database round trip.
/// </summary>
public sealed class StrangerNotices(IStrangerNoticeStore store, TimeProvider time)
{
    /// <summary>How long a notice given lasts before the next one.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<(long UserId, string Notice), DateTimeOffset> _given = new();

    /// <summary>True when the user's doings are to be logged now: not logged within the <see cref="Interval"/>.</summary>
    public Task<bool> TryLogAsync(long userId, CancellationToken cancellationToken) => TryTakeAsync(userId, "logged", cancellationToken);

    /// <summary>True when the user is to be refused in the group now: not refused there within the <see cref="Interval"/>.</summary>
    public Task<bool> TryRefuseAsync(long userId, CancellationToken cancellationToken) => TryTakeAsync(userId, "refused", cancellationToken);

    private async Task<bool> TryTakeAsync(long userId, string notice, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_given.TryGetValue((userId, notice), out var given) && now - given < Interval)
        {
            return false;
        }

        var taken = await store.TryTakeAsync(userId, notice, now, now - Interval, cancellationToken);
        if (taken)
        {
            _given[(userId, notice)] = now;
        }

        return taken;
    }
}
