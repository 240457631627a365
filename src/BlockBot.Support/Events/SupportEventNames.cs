namespace BlockBot.Support.Events;

/// <summary>Events the support domain sends beside <see cref="Conversation.Abstractions.EventNames"/>.</summary>
public static class SupportEventNames
{
    /// <summary>A staff member's reply to the customer; values <c>staff</c> and <c>text</c>. The engine says the text.</summary>
    public const string StaffMessage = "staff_message";
}
