using System.Data.Common;
using BlockBot.Storage.Turns;
using Dapper;

namespace BlockBot.Storage.Channels.Telegram;

/// <summary>Deletes the <see cref="TelegramOutgoingSent"/> rows from <c>telegram_outbox</c> in one statement.</summary>
public sealed class TelegramOutgoingSentWriter(IDbConnectionFactory connections) : TurnRecordWriter<TelegramOutgoingSent>
{
    // Dapper hands Npgsql the array as one parameter, and expands it into a list for SQLite.
    private string Delete => connections.Provider == StorageProvider.Postgres
        ? "DELETE FROM telegram_outbox WHERE id = ANY(@Ids)"
        : "DELETE FROM telegram_outbox WHERE id IN @Ids";

    protected override Task WriteAsync(TelegramOutgoingSent record, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(Delete, new { Ids = record.Ids.ToArray() }, transaction, cancellationToken: cancellationToken));
}
