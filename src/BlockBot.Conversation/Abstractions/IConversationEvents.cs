namespace BlockBot.Conversation.Abstractions;

/// <summary>
/// Re-enters a customer's conversation with a named event (a scheduled one, a staff decision), through the
/// customer's channel adapter and the same pipeline as a message.
/// </summary>
public interface IConversationEvents
{
    /// <param name="deliveryId">
    /// Identifies this one event across runs of the job that delivers it: an event whose id was delivered before is
    /// not delivered again. Null: no such check.
    /// </param>
    Task<EventDelivery> DispatchAsync(
        CustomerId customer,
        string eventName,
        IReadOnlyDictionary<string, string> values,
        string? deliveryId,
        CancellationToken cancellationToken);
}
