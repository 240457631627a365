using System.Collections.Concurrent;
using System.Globalization;
using BlockBot.Storage;
using Dapper;

namespace BlockBot.Channels.Telegram.Staff;

/// <summary>
/// Rations what a member of the staff group who is not staff costs: one warning in the log and one refusal in the group
/// an hour, however often they press or reply. The group takes 20 messages a minute, so refusals sent each time would
/// queue ahead of the cards staff work on. Kept in the database (<c>telegram_stranger_notice</c>, one row per user and
/// notice), so the hour holds across restarts and, on PostgreSQL, across instances: taking a notice is one conditional
/// upsert, and of two instances taking it at once one gets it. A notice this instance gave is remembered in memory too,
/// so the rest of a flood costs no database round trip.
/// </summary>
public sealed class StrangerNotices(IDbConnectionFactory connections, TimeProvider time)
{
    /// <summary>How long a notice given lasts before the next one.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    private const string TakeSql = """
        INSERT INTO telegram_stranger_notice (user_id, notice, noticed_at) VALUES (@UserId, @Notice, @Now)
        ON CONFLICT (user_id, notice) DO UPDATE SET noticed_at = excluded.noticed_at
        WHERE telegram_stranger_notice.noticed_at <= @Since
        """;

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

        await using var connection = await connections.OpenAsync(cancellationToken);
        var taken = await connection.ExecuteAsync(new CommandDefinition(
            TakeSql,
            new { UserId = userId, Notice = notice, Now = Text(now), Since = Text(now - Interval) },
            cancellationToken: cancellationToken));
        if (taken > 0)
        {
            _given[(userId, notice)] = now;
        }

        return taken > 0;
    }

    // Fixed-width UTC text, as every time column: comparing the text compares the moments.
    private static string Text(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
}
