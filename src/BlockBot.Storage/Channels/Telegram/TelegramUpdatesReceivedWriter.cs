using System.Data.Common;
using BlockBot.Storage.Turns;
using Dapper;

namespace BlockBot.Storage.Channels.Telegram;

/// <summary>Records <see cref="TelegramUpdatesReceived"/> in <c>telegram_update</c>; an update id seen before is ignored.</summary>
public sealed class TelegramUpdatesReceivedWriter(TimeProvider time) : TurnRecordWriter<TelegramUpdatesReceived>
{
    protected override async Task WriteAsync(TelegramUpdatesReceived record, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var now = TelegramRows.TimeText(time.GetUtcNow());
        // Dapper runs the statement once per update and returns the rows it added in all.
        record.Added = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO telegram_update (update_id, chat_id, payload, state, received_at)
            VALUES (@UpdateId, @ChatId, @Payload, 'received', @Now)
            ON CONFLICT (update_id) DO NOTHING
            """,
            record.Updates.Select(u => new { u.UpdateId, u.ChatId, u.Payload, Now = now }),
            transaction,
            cancellationToken: cancellationToken));
    }
}
