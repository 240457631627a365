using System.Data.Common;
using BlockBot.Conversation.Turns;
using BlockBot.Storage.Sql.Domain;
using BlockBot.Storage.Turns;
using Dapper;

namespace BlockBot.Storage.Sql;

/// <summary>Writes an <see cref="EventDelivered"/> mark into <c>delivered_event</c> and forgets marks past <see cref="SqlDeliveredEvents.Kept"/>.</summary>
public sealed class EventDeliveredWriter(TimeProvider time) : TurnRecordWriter<EventDelivered>
{
    protected override Task WriteAsync(EventDelivered record, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        return connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO delivered_event (delivery_id, delivered_at, event) VALUES (@DeliveryId, @At, @EventName);
            DELETE FROM delivered_event WHERE delivered_at < @Oldest;
            """,
            new { record.DeliveryId, record.EventName, At = SqlValues.TimeText(at), Oldest = SqlValues.TimeText(at - SqlDeliveredEvents.Kept) },
            transaction,
            cancellationToken: cancellationToken));
    }
}
