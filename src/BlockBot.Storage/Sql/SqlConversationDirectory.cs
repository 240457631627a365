using System.Globalization;
using BlockBot.Conversation.Abstractions;
using BlockBot.Storage.Sql.Domain;
using Dapper;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace BlockBot.Storage.Sql;

/// <summary>
/// The customers' last ConversationReference, one row per customer in <c>conversation_references</c>. A customer who
/// continued on another channel (<c>customer_move</c>, ADR 0015) is found where they continued. A save is written
/// through <see cref="SqlDomainWrites"/>, so on SQLite it joins the turns' group commit (ADR 0018): written on its own,
/// every new customer's first turn held a pool thread in SQLite's busy handler, and a burst of new customers took
/// every thread the pool had.
/// </summary>
public sealed class SqlConversationDirectory(IDbConnectionFactory connections, SqlDomainWrites writes, TimeProvider timeProvider) : IConversationDirectory
{
    // Plain JSON with Bot Schema's own property names; no type names, since the type is always ConversationReference.
    private static readonly JsonSerializerSettings ReferenceJson = new()
    {
        TypeNameHandling = TypeNameHandling.None,
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.None,
    };

    /// <summary>Saves on its own, each in its own transaction (tests and tools with no turn store).</summary>
    public SqlConversationDirectory(IDbConnectionFactory connections, TimeProvider timeProvider)
        : this(connections, new SqlDomainWrites(connections, []), timeProvider)
    {
    }

    public async Task SaveAsync(CustomerId customer, ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);

        await writes.ExecuteAsync(
            """
            INSERT INTO conversation_references (customer_key, channel_id, reference, updated_at)
            VALUES (@CustomerKey, @ChannelId, @Reference, @UpdatedAt)
            ON CONFLICT (customer_key) DO UPDATE SET
                channel_id = excluded.channel_id, reference = excluded.reference, updated_at = excluded.updated_at
            """,
            new
            {
                CustomerKey = customer.Key,
                customer.ChannelId,
                Reference = JsonConvert.SerializeObject(reference, ReferenceJson),
                UpdatedAt = timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            },
            cancellationToken);
    }

    public async Task<ConversationReference?> FindAsync(CustomerId customer, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var json = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            """
            SELECT reference FROM conversation_references
            WHERE customer_key = COALESCE((SELECT to_key FROM customer_move WHERE from_key = @CustomerKey), @CustomerKey)
            """,
            new { CustomerKey = customer.Key },
            cancellationToken: cancellationToken));
        return json is null ? null : JsonConvert.DeserializeObject<ConversationReference>(json, ReferenceJson);
    }

    public async Task DeleteAsync(CustomerId customer, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM conversation_references WHERE customer_key = @CustomerKey;
            DELETE FROM customer_move WHERE from_key = @CustomerKey OR to_key = @CustomerKey;
            """,
            new { CustomerKey = customer.Key },
            cancellationToken: cancellationToken));
    }
}
