using BlockBot.Conversation.Abstractions;
using Dapper;

namespace BlockBot.Storage.Sql;

/// <summary>
/// The <c>delivered_event</c> table: one row per queued event that reached its conversation (written with its turn by
/// <see cref="EventDeliveredWriter"/>), kept 30 days — far longer than a job can wait to be run again after a crash
/// (Quartz recovers a dead instance's jobs within seconds).
/// </summary>
public sealed class SqlDeliveredEvents(IDbConnectionFactory connections) : IDeliveredEvents
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
}
