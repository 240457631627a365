namespace BlockBot.Conversation.Abstractions;

/// <summary>Carries a customer's free messages to the person handling their open ticket.</summary>
public interface IHandoffRelay
{
    /// <summary>Relays the text when the customer has a ticket a person is working on; false when there is none.</summary>
    Task<bool> TryRelayAsync(CustomerId customer, string text, CancellationToken cancellationToken);
}
