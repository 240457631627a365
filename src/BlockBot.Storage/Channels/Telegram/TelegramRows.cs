using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using BlockBot.Channels.Telegram.Inbox;
using BlockBot.Channels.Telegram.Sending;
using Dapper;

namespace BlockBot.Storage.Channels.Telegram;

/// <summary>The writes a Telegram turn and <see cref="SqlTelegramStore"/> share, in the caller's transaction.</summary>
internal static class TelegramRows
{
    private static readonly JsonSerializerOptions OutgoingJson = new(JsonSerializerDefaults.Web);

    public static async Task QueueAsync(DbConnection connection, DbTransaction transaction, IEnumerable<Outgoing> messages, string now, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO telegram_outbox (chat_id, payload, created_at) VALUES (@ChatId, @Payload, @Now)",
                new { message.ChatId, Payload = JsonSerializer.Serialize(message, OutgoingJson), Now = now },
                transaction,
                cancellationToken: cancellationToken));
        }
    }

    public static Task MarkHandledAsync(DbConnection connection, DbTransaction transaction, long updateId, string now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE telegram_update SET state = 'handled', handled_at = @Now WHERE update_id = @UpdateId",
            new { UpdateId = updateId, Now = now },
            transaction,
            cancellationToken: cancellationToken));

    /// <summary>
    /// Records an update handed over by polling as handled; polling may have recorded it meanwhile (its turn ran long),
    /// and then it is marked handled as a recorded one is.
    /// </summary>
    public static Task RecordHandledAsync(DbConnection connection, DbTransaction transaction, ReceivedUpdate update, string now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO telegram_update (update_id, chat_id, payload, state, received_at, handled_at)
            VALUES (@UpdateId, @ChatId, @Payload, 'handled', @Now, @Now)
            ON CONFLICT (update_id) DO UPDATE SET state = 'handled', handled_at = excluded.handled_at
            WHERE telegram_update.state = 'received'
            """,
            new { update.UpdateId, update.ChatId, update.Payload, Now = now },
            transaction,
            cancellationToken: cancellationToken));

    public static Outgoing ReadOutgoing(string payload) =>
        JsonSerializer.Deserialize<Outgoing>(payload, OutgoingJson) ?? throw new JsonException("An outbox row holds null.");

    // Fixed-width UTC text, as every time column: comparing the text compares the moments.
    public static string TimeText(DateTimeOffset moment) =>
        moment.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
}
