using BlockBot.Channels.Telegram.Staff;
using Dapper;

namespace BlockBot.Storage.Channels.Telegram;

/// <summary><see cref="IStrangerNoticeStore"/> in <c>telegram_stranger_notice</c>: one row per user and notice, taken by one conditional upsert.</summary>
public sealed class SqlStrangerNoticeStore(IDbConnectionFactory connections) : IStrangerNoticeStore
{
    private const string TakeSql = """
        INSERT INTO telegram_stranger_notice (user_id, notice, noticed_at) VALUES (@UserId, @Notice, @Now)
        ON CONFLICT (user_id, notice) DO UPDATE SET noticed_at = excluded.noticed_at
        WHERE telegram_stranger_notice.noticed_at <= @Since
        """;

    public async Task<bool> TryTakeAsync(long userId, string notice, DateTimeOffset now, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            TakeSql,
            new { UserId = userId, Notice = notice, Now = TelegramRows.TimeText(now), Since = TelegramRows.TimeText(since) },
            cancellationToken: cancellationToken)) > 0;
    }
}
