using System.Data.Common;
using BlockBot.Conversation.Turns;
using BlockBot.Storage.Sql.Domain;
using BlockBot.Storage.Turns;
using Dapper;

namespace BlockBot.Storage.Sql;

/// <summary>Writes an <see cref="UnansweredMessageKept"/> into <c>unanswered_message</c> and forgets rows past <see cref="SqlUnansweredMessages.Kept"/>.</summary>
public sealed class UnansweredMessageWriter : TurnRecordWriter<UnansweredMessageKept>
{
    protected override Task WriteAsync(UnansweredMessageKept record, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var message = record.Message;
        return connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO unanswered_message (customer_key, language, place, text, received_at)
            VALUES (@CustomerKey, @Language, @Place, @Text, @ReceivedAt);
            DELETE FROM unanswered_message WHERE received_at < @Oldest;
            """,
            new
            {
                CustomerKey = message.Customer.Key,
                message.Language,
                message.Place,
                message.Text,
                ReceivedAt = SqlValues.TimeText(message.ReceivedAt),
                Oldest = SqlValues.TimeText(message.ReceivedAt - SqlUnansweredMessages.Kept),
            },
            transaction,
            cancellationToken: cancellationToken));
    }
}
