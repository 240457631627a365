namespace BlockBot.Conversation.Abstractions;

/// <summary>
/// Remembers which queued events (by their delivery id) have reached their conversation. The mark is an
/// <see cref="Turns.EventDelivered"/> record saved with the turn that delivered the event, so a job run again after a
/// crash finds it and does not deliver the event twice.
/// </summary>
public interface IDeliveredEvents
{
    Task<bool> WasDeliveredAsync(string deliveryId, CancellationToken cancellationToken);
}
