using System.Data.Common;
using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Understanding;
using BlockBot.Storage.Sql.Domain;
using Dapper;
using Microsoft.Bot.Builder;

namespace BlockBot.Storage.Sql;

/// <summary>The <c>unanswered_message</c> table: a row per message the bot did not understand, kept 90 days.</summary>
public sealed class SqlUnansweredMessages(IDbConnectionFactory connections) : IUnansweredMessages
{
    public static readonly TimeSpan Kept = TimeSpan.FromDays(90);

    public void Record(ITurnContext turnContext, UnansweredMessage message) =>
        TurnCommit.For(turnContext).Enlist(new UnansweredRow(message));

    public async Task<IReadOnlyList<UnansweredMessage>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string CustomerKey, string Language, string Place, string Text, string ReceivedAt)>(new CommandDefinition(
            """
            SELECT customer_key, language, place, text, received_at FROM unanswered_message
            ORDER BY received_at DESC, id DESC LIMIT @Limit
            """,
            new { Limit = limit },
            cancellationToken: cancellationToken));
        return rows.Select(r => new UnansweredMessage(CustomerId.Parse(r.CustomerKey), r.Language, r.Place, r.Text, SqlValues.ParseTime(r.ReceivedAt))).ToList();
    }

    public async Task EraseAsync(CustomerId customer, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM unanswered_message WHERE customer_key = @CustomerKey",
            new { CustomerKey = customer.Key },
            cancellationToken: cancellationToken));
    }

    private sealed class UnansweredRow(UnansweredMessage message) : ITurnCommitWork
    {
        public Task SaveAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
            connection.ExecuteAsync(new CommandDefinition(
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
                    Oldest = SqlValues.TimeText(message.ReceivedAt - Kept),
                },
                transaction,
                cancellationToken: cancellationToken));

        public void Committed()
        {
        }
    }
}
