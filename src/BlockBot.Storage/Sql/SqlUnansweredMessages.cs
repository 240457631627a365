using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Turns;
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
        turnContext.UnitOfWork().Add(new UnansweredMessageKept(message));

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
}
