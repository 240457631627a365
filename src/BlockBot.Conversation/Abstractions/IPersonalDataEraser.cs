namespace BlockBot.Conversation.Abstractions;

/// <summary>
/// Erases everything a part of the bot keeps about a customer. The action behind <c>/forget</c> runs it, then asks
/// the engine to clear the conversation (<see cref="DialogActionContext.RequestConversationReset"/>).
/// </summary>
public interface IPersonalDataEraser
{
    Task EraseAsync(CustomerId customer, CancellationToken cancellationToken);
}
