namespace BlockBot.Conversation.Abstractions;

/// <summary>Erases everything the domain keeps about a customer (cases, tickets, reminders, conversation reference).</summary>
public interface ICustomerDataEraser
{
    Task EraseAsync(CustomerId customer, CancellationToken cancellationToken);
}
