using System.Text.Json;
using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Events;
using Dapper;

namespace BlockBot.Storage.Sql.Domain;

/// <summary>The <c>queued_event</c> table: the outbox of conversation events (<c>013_queued_event.sql</c>).</summary>
public sealed class SqlQueuedEvents(IDbConnectionFactory connections, SqlDomainWrites writes) : IQueuedEvents
{
    private const string Columns =
        """
        e.id AS Id, e.customer_key AS CustomerKey, e.event AS Event, e.event_values AS EventValues,
        e.delivery_id AS DeliveryId, e.queued_at AS QueuedAt, e.failed_attempts AS FailedAttempts,
        e.next_attempt_at AS NextAttemptAt
        """;

    /// <summary>Writes on their own, each in its own transaction (tests and tools with no turn store).</summary>
    public SqlQueuedEvents(IDbConnectionFactory connections)
        : this(connections, new SqlDomainWrites(connections, []))
    {
    }

    public async Task AddAsync(
        CustomerId customer,
        string eventName,
        IReadOnlyDictionary<string, string> values,
        string deliveryId,
        DateTimeOffset queuedAt,
        CancellationToken cancellationToken)
    {
        var at = SqlValues.TimeText(queuedAt);
        await writes.ExecuteAsync(
            """
            INSERT INTO queued_event (customer_key, event, event_values, delivery_id, queued_at, failed_attempts, next_attempt_at)
            VALUES (@CustomerKey, @Event, @Values, @DeliveryId, @At, 0, @At)
            ON CONFLICT (delivery_id) DO NOTHING
            """,
            new { CustomerKey = customer.Key, Event = eventName, Values = JsonSerializer.Serialize(values), DeliveryId = deliveryId, At = at },
            cancellationToken);
    }

    public async Task<QueuedEvent?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<QueuedEventRow>(new CommandDefinition(
            $"SELECT {Columns} FROM queued_event e WHERE e.id = @Id",
            new { Id = id },
            cancellationToken: cancellationToken));
        return row?.ToQueuedEvent();
    }

    public async Task<IReadOnlyList<QueuedEvent>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<QueuedEventRow>(new CommandDefinition(
            $"""
            SELECT {Columns}
            FROM queued_event e
            WHERE e.next_attempt_at <= @Now
              AND NOT EXISTS (SELECT 1 FROM queued_event waiting
                              WHERE waiting.customer_key = e.customer_key AND waiting.id < e.id AND waiting.next_attempt_at > @Now)
            ORDER BY e.id
            LIMIT @Limit
            """,
            new { Now = SqlValues.TimeText(now), Limit = limit },
            cancellationToken: cancellationToken));
        return rows.Select(row => row.ToQueuedEvent()).ToList();
    }

    public async Task PostponeAsync(long id, int failedAttempts, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        await writes.ExecuteAsync(
            "UPDATE queued_event SET failed_attempts = @FailedAttempts, next_attempt_at = @NextAttemptAt WHERE id = @Id",
            new { Id = id, FailedAttempts = failedAttempts, NextAttemptAt = SqlValues.TimeText(nextAttemptAt) },
            cancellationToken);
    }

    public async Task RemoveAsync(long id, CancellationToken cancellationToken)
    {
        await writes.ExecuteAsync(
            "DELETE FROM queued_event WHERE id = @Id", new { Id = id }, cancellationToken);
    }

    public async Task RemoveForCustomerAsync(CustomerId customer, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM queued_event WHERE customer_key = @CustomerKey", new { CustomerKey = customer.Key }, cancellationToken: cancellationToken));
    }
}
