namespace BlockBot.Conversation.Abstractions;

/// <summary>Events the engine handles itself, whatever step the dialog is on.</summary>
public static class KnownEventNames
{
    /// <summary>A staff member's reply to the ticket card; said to the customer as it is.</summary>
    public const string StaffMessage = "staff_message";
}
