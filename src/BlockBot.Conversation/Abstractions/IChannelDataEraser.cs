namespace BlockBot.Conversation.Abstractions;

/// <summary>
/// What a channel keeps of a customer's conversation itself (the web chat's stored activities), erased with the rest of
/// the customer's data when they ask (<see cref="IPersonalDataEraser"/>, <c>/forget</c>). A channel that keeps such
/// data registers one; it leaves customers of other channels alone.
/// </summary>
public interface IChannelDataEraser
{
    Task EraseAsync(CustomerId customer, CancellationToken cancellationToken);
}
