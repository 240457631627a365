namespace BlockBot.Conversation.Abstractions;

/// <summary>Carries what a customer writes while their dialog waits to a person working for them, when there is one.</summary>
public interface IMessageRelay
{
    /// <summary>Relays the text when a person is working for the customer now; false when nobody is.</summary>
    Task<bool> TryRelayAsync(CustomerId customer, string text, CancellationToken cancellationToken);
}
