using System.Text.Json;
using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Events;

namespace BlockBot.Storage.Sql.Domain;

/// <summary>A <c>queued_event</c> row as Dapper reads it.</summary>
internal sealed class QueuedEventRow
{
    public long Id { get; set; }

    public string CustomerKey { get; set; } = "";

    public string Event { get; set; } = "";

    public string EventValues { get; set; } = "";

    public string DeliveryId { get; set; } = "";

    public string QueuedAt { get; set; } = "";

    public long FailedAttempts { get; set; }

    public string NextAttemptAt { get; set; } = "";

    public QueuedEvent ToQueuedEvent() => new()
    {
        Id = Id,
        Customer = CustomerId.Parse(CustomerKey),
        EventName = Event,
        Values = JsonSerializer.Deserialize<Dictionary<string, string>>(EventValues) ?? new Dictionary<string, string>(),
        DeliveryId = DeliveryId,
        QueuedAt = SqlValues.ParseTime(QueuedAt),
        FailedAttempts = checked((int)FailedAttempts),
        NextAttemptAt = SqlValues.ParseTime(NextAttemptAt),
    };
}
