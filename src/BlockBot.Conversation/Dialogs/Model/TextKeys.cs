namespace BlockBot.Conversation.Dialogs.Model;

/// <summary>The keys of <c>texts.yaml</c> the engine says itself (a status report declares its own: <see cref="Abstractions.IStatusReport.TextKeys"/>).</summary>
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
    public const string Waiting = "waiting";
    public const string Relayed = "relayed";
    public const string Error = "error";
    public const string StaffMessage = "staff_message";
    public const string NotUnderstood = "not_understood";
    public const string DidYouMean = "did_you_mean";
    public const string OfferDialog = "offer_dialog";
    public const string OfferDeclined = "offer_declined";
    public const string PersonAvailable = "person_available";
    public const string HandoverOffer = "handover_offer";
    public const string HandoverDone = "handover_done";
    public const string HandoverUnknown = "handover_unknown";
    public const string HandoverBusy = "handover_busy";

    public static string Event(string eventName) => "event_" + eventName;

    public static IEnumerable<string> Required() =>
        new[]
        {
            Help, Cancelled, NothingToCancel, LangSwitched, LangUsage, UnknownCommand, NonText, TooLong,
            RetryChoice, RetryYesNo, RetryTextLength, OfferPerson, PersonButton, Yes, No, StatusNone,
            Waiting, Relayed, Error, StaffMessage, NotUnderstood, DidYouMean, OfferDialog, OfferDeclined, PersonAvailable,
            HandoverOffer, HandoverDone, HandoverUnknown, HandoverBusy,
        };
}
