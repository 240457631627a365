using BlockBot.Conversation.Abstractions;

namespace BlockBot.Conversation.Dialogs.Model;

/// <summary>The keys of <c>texts.yaml</c> the engine says itself.</summary>
public static class TextKeys
{
    public const string Help = "help";
    public const string Cancelled = "cancelled";
    public const string NothingToCancel = "nothing_to_cancel";
    public const string LangSwitched = "lang_switched";
    public const string LangUsage = "lang_usage";
    public const string UnknownCommand = "unknown_command";
    public const string NonText = "non_text";
    public const string TooLong = "too_long";
    public const string RetryChoice = "retry_choice";
    public const string RetryYesNo = "retry_yesno";
    public const string RetryTextLength = "retry_text_length";
    public const string OfferPerson = "offer_person";
    public const string PersonButton = "person_button";
    public const string Yes = "yes";
    public const string No = "no";
    public const string StatusNone = "status_none";
    public const string StatusCase = "status_case";
    public const string StatusReminder = "status_reminder";
    public const string StatusTicket = "status_ticket";
    public const string StatusTicketScheduled = "status_ticket_scheduled";
    public const string Waiting = "waiting";
    public const string Relayed = "relayed";
    public const string Error = "error";
    public const string StaffMessage = "staff_message";
    public const string NotUnderstood = "not_understood";
    public const string DidYouMean = "did_you_mean";
    public const string OfferDialog = "offer_dialog";
    public const string OfferDeclined = "offer_declined";
    public const string PersonAvailable = "person_available";

    public static readonly IReadOnlyList<string> TicketStates = ["open", "taken", "done", "declined", "withdrawn", "scheduled"];

    public static readonly IReadOnlyList<string> Reminders = [EventNames.AppealFollowUp, EventNames.PhoneOnlyEnd, EventNames.ChatsOnlyEnd];

    public static string Stage(string stage) => "stage_" + stage;

    public static string Reminder(string reminderEvent) => "reminder_" + reminderEvent;

    public static string TicketState(string state) => "ticket_state_" + state;

    public static string Event(string eventName) => "event_" + eventName;

    public static IEnumerable<string> Required() =>
        new[]
        {
            Help, Cancelled, NothingToCancel, LangSwitched, LangUsage, UnknownCommand, NonText, TooLong,
            RetryChoice, RetryYesNo, RetryTextLength, OfferPerson, PersonButton, Yes, No, StatusNone, StatusCase,
            StatusReminder, StatusTicket, StatusTicketScheduled, Waiting, Relayed, Error, StaffMessage,
            NotUnderstood, DidYouMean, OfferDialog, OfferDeclined, PersonAvailable,
        }
        .Concat(CaseStages.All.Select(Stage))
        .Concat(Reminders.Select(Reminder))
        .Concat(TicketStates.Select(TicketState));
}
