using System.Data.Common;
using BlockBot.Conversation.Abstractions;
using BlockBot.Storage.Sql.Domain;
using Dapper;

namespace BlockBot.Storage.Sql;

/// <summary>
/// The <c>delivered_event</c> table: one row per queued event that reached its conversation, kept 30 days — far
/// longer than a job can wait to be run again after a crash (Quartz recovers a dead instance's jobs within seconds).
/// </summary>
public sealed class SqlDeliveredEvents(IDbConnectionFactory connections, TimeProvider time) : IDeliveredEvents
{
    public static readonly TimeSpan Kept = TimeSpan.FromDays(30);

    public async Task<bool> WasDeliveredAsync(string deliveryId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM delivered_event WHERE delivery_id = @DeliveryId",
            new { DeliveryId = deliveryId },
            cancellationToken: cancellationToken)) > 0;
    }

    public ITurnCommitWork Mark(string deliveryId) => new DeliveryMark(deliveryId, time.GetUtcNow());

    private sealed class DeliveryMark(string deliveryId, DateTimeOffset at) : ITurnCommitWork
    {
        public Task SaveAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
            connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO delivered_event (delivery_id, delivered_at) VALUES (@DeliveryId, @At);
                DELETE FROM delivered_event WHERE delivered_at < @Oldest;
                """,
                new { DeliveryId = deliveryId, At = SqlValues.TimeText(at), Oldest = SqlValues.TimeText(at - Kept) },
                transaction,
                cancellationToken: cancellationToken));

        public void Committed()
        {
        }
    }
}
