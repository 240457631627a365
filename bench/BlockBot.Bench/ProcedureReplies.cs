using BlockBot.Conversation.Dialogs.Model;

namespace BlockBot.Bench;

/// <summary>
/// What the bot says along the first-block path of PROCEDURE.md (blocked, then reconnect), read from
/// the dialogs the bot loaded: after each customer message, and when staff or the reminder move it on.
/// </summary>
public sealed class ProcedureReplies
{
    public ProcedureReplies(DialogSet dialogs)
    {
        ReplyPattern Step(string dialogId, string stepId) => ReplyPattern.Step(dialogs, dialogId, stepId);

        AfterStart = [Step("menu", "greet"), Step("menu", "choose")];
        AfterBlocked = [Step("blocked", "intro"), Step("blocked", "rule"), Step("blocked", "ask_line")];
        AfterLine = [Step("blocked", "ask_repeated")];
        AfterNotRepeated = [Step("blocked", "ask_crm")];
        AfterNoCrm = [Step("blocked", "ask_unblock_state")];
        AfterUnblocked = [Step("blocked", "clearing_opened"), Step("blocked", "clearing_dont_reconnect")];
        StaffTakenAndDone =
        [
            ReplyPattern.Text(dialogs, "event_staff_taken"),
            Step("blocked", "cleared"),
            Step("reconnect", "how_to_reconnect"),
            Step("reconnect", "ask_connected"),
        ];
        AfterConnected = [Step("reconnect", "chats_only_rules")];
        ChatsOnlyEnd = [Step("reconnect", "chats_only_done"), Step("reconnect", "good_practice"), Step("reconnect", "goodbye")];
    }

    public IReadOnlyList<ReplyPattern> AfterStart { get; }

    public IReadOnlyList<ReplyPattern> AfterBlocked { get; }

    public IReadOnlyList<ReplyPattern> AfterLine { get; }

    public IReadOnlyList<ReplyPattern> AfterNotRepeated { get; }

    public IReadOnlyList<ReplyPattern> AfterNoCrm { get; }

    public IReadOnlyList<ReplyPattern> AfterUnblocked { get; }

    /// <summary>Proactive: staff took the ticket, then marked it done, and the dialog went on to reconnecting.</summary>
    public IReadOnlyList<ReplyPattern> StaffTakenAndDone { get; }

    public IReadOnlyList<ReplyPattern> AfterConnected { get; }

    /// <summary>Proactive: the chats_only_end reminder fired.</summary>
    public IReadOnlyList<ReplyPattern> ChatsOnlyEnd { get; }
}
