using BlockBot.Channels.Telegram.Sending;
using Dapper;

namespace BlockBot.Storage.Channels.Telegram;

/// <summary>
/// <see cref="ISharedSendSchedule"/> in <c>telegram_send_slot</c>: on PostgreSQL the instances book their sends in one
/// table. With SQLite there is one instance, and nothing to share.
/// </summary>
public sealed class SqlSharedSendSchedule(IDbConnectionFactory connections) : ISharedSendSchedule
{
    // A slot starts where the previous one ended, or now if the key was idle: sends are spaced, idle time is not saved up.
    private const string BookSql = """
        INSERT INTO telegram_send_slot AS s (key, next_at) VALUES (@Key, clock_timestamp() + @Gap)
        ON CONFLICT (key) DO UPDATE SET next_at = GREATEST(s.next_at, clock_timestamp()) + @Gap
        RETURNING EXTRACT(EPOCH FROM (s.next_at - @Gap - clock_timestamp()))::float8
        """;

    public bool IsShared => connections.Provider == StorageProvider.Postgres;

    /// <summary>Books the next slot of <paramref name="key"/>, <paramref name="gap"/> after the one before it.</summary>
    /// <returns>How long to wait before sending in it; zero when nothing is shared.</returns>
    public async Task<TimeSpan> BookAsync(string key, TimeSpan gap, CancellationToken cancellationToken)
    {
        if (!IsShared)
        {
            return TimeSpan.Zero;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        var seconds = await connection.ExecuteScalarAsync<double>(new CommandDefinition(BookSql, new { Key = key, Gap = gap }, cancellationToken: cancellationToken));
        return seconds > 0 ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero;
    }
}
