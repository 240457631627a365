using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Tests.Infrastructure;
using BlockBot.Tests.Channels.Telegram.Fake;

namespace BlockBot.Tests.Channels.Telegram;

/// <summary>
/// One customer's way through a repeated block with an appeal, as the real dialogs say it: eight messages of
/// theirs, three reminders (appeal follow-up, end of phone-only, end of chats-only), one queue-clearing ticket
/// that staff take and finish, and 25 messages of the bot's, in this order.
/// </summary>
public static class RepeatedBlockWalk
{
    public const string AppealFollowUp = "the appeal_followup reminder";
    public const string StaffTake = "staff taking the ticket";
    public const string StaffDone = "staff finishing the ticket";
    public const string PhoneOnlyEnd = "the phone_only_end reminder";
    public const string ChatsOnlyEnd = "the chats_only_end reminder";
    public const string Appealed = "2 (appealed, waiting)";
    public const string Connected = "Подключили";

    /// <param name="Name">What the customer says, or the event that makes the bot speak.</param>
    /// <param name="Says">The customer's message; null when the bot speaks on its own (a reminder, staff).</param>
    public sealed record Leg(string Name, string? Says, IReadOnlyList<Reply> Replies);

    /// <param name="Buttons">The callback data of the message's keyboard, in order; empty: no keyboard.</param>
    public sealed record Reply(Expected Text, IReadOnlyList<string> Buttons)
    {
        public Func<SentMessage, bool> Matcher(DialogSet dialogs)
        {
            var text = Text.Matcher(dialogs, "ru");
            return message => text(message.Text) && message.Buttons.SequenceEqual(Buttons);
        }
    }

    public static IReadOnlyList<Leg> For(string line) =>
    [
        new("/start", "/start", [Say("menu", "greet"), Ask("menu", "choose", "blocked", "causes", "refused", "appeal", "operator")]),
        new("1 (blocked)", "1", [Say("blocked", "intro"), Say("blocked", "rule"), Say("blocked", "ask_line")]),
        new("the line", line, [Ask("blocked", "ask_repeated", "yes", "no")]),
        new("да (repeated)", "да", [Ask("blocked", "ask_crm", "yes", "no")]),
        new("нет (no CRM mailing)", "нет", [Ask("blocked", "ask_unblock_state", "unblocked", "appealed", "not_appealed", "refused")]),
        new(Appealed, "2", [Say("blocked", "followup_date"), Ask("blocked", "wait_answer", "unblocked", "refused", "no_answer")]),
        new(AppealFollowUp, null, [Say("blocked", "followup"), Ask("blocked", "wait_answer", "unblocked", "refused", "no_answer")]),
        new("1 (unblocked)", "1", [new(Expected.Step("blocked", "clearing_opened").Containing($"«{line}»"), []), Say("blocked", "clearing_dont_reconnect")]),
        new(StaffTake, null, [new(Expected.Text("event_staff_taken"), [])]),
        new(StaffDone, null, [new(Expected.Step("blocked", "cleared").Containing($"«{line}»"), []), Say("blocked", "phone_only_rules"), Say("blocked", "phone_only_honest")]),
        new(PhoneOnlyEnd, null, [Say("blocked", "phone_only_done"), new(Expected.Step("reconnect", "how_to_reconnect").Containing($"«{line}»"), []), Ask("reconnect", "ask_connected", "connected", "later")]),
        new(Connected, Connected, [Say("reconnect", "chats_only_rules")]),
        new(ChatsOnlyEnd, null, [Say("reconnect", "chats_only_done"), Say("reconnect", "good_practice"), Say("reconnect", "goodbye")]),
    ];

    /// <summary>Where the first reply to the named leg stands among all the walk's replies.</summary>
    public static int FirstReplyOf(IReadOnlyList<Leg> legs, string name) =>
        legs.TakeWhile(l => l.Name != name).Sum(l => l.Replies.Count);

    private static Reply Say(string dialog, string step) => new(Expected.Step(dialog, step), []);

    private static Reply Ask(string dialog, string step, params string[] buttons) => new(Expected.Step(dialog, step), buttons);
}
