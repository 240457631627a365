namespace BlockBot.Conversation.Abstractions;

/// <summary>
/// Re-enters a customer's conversation with a named event (a reminder, a staff decision), through the
/// customer's channel adapter and the same pipeline as a message.
/// </summary>
public interface IConversationEvents
{
    /// <returns>False when the customer cannot be reached (no stored reference, or their channel is not running).</returns>
    Task<bool> DispatchAsync(
        CustomerId customer,
        string eventName,
        IReadOnlyDictionary<string, string> values,
        CancellationToken cancellationToken);
}
