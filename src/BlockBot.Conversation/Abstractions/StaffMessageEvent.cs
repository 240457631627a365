namespace BlockBot.Conversation.Abstractions;

/// <summary>
/// The one event the engine handles itself: a person's message for the customer, said with the <c>staff_message</c>
/// text whatever step the dialog is on. Its values are <c>staff</c> (who wrote) and <c>text</c>.
/// </summary>
public static class StaffMessageEvent
{
    public const string Name = "staff_message";
}
