using BlockBot.Conversation.Abstractions;

namespace BlockBot.Support.Events;

/// <summary>The event names the dialog files may wait for.</summary>
public static class EventNames
{
    public const string AppealFollowUp = "appeal_followup";
    public const string PhoneOnlyEnd = "phone_only_end";
    public const string ChatsOnlyEnd = "chats_only_end";
    public const string TicketOpened = "ticket_opened";
    public const string StaffTaken = "staff_taken";
    public const string StaffDone = "staff_done";
    public const string StaffDeclined = "staff_declined";

    /// <summary>A staff member's reply to the ticket: the engine's <see cref="StaffMessageEvent"/>.</summary>
    public const string StaffMessage = StaffMessageEvent.Name;
}
