using BlockBot.Tests.Infrastructure;
using static BlockBot.Tests.Infrastructure.Turn;

namespace BlockBot.Tests.Conversation;

/// <summary>Stretches of conversation that several tests start with.</summary>
public static class Scripts
{
    /// <summary>From /start to the question "has WhatsApp unblocked the number?", first block, no CRM mailing.</summary>
    public static Turn[] ToUnblockQuestion(string line = "Продажи", bool repeated = false) =>
    [
        User("/start"), Bot("menu", "greet"), Bot("menu", "choose", "blocked", "causes", "refused", "appeal", "operator"),
        User("1"), Bot("blocked", "intro"), Bot("blocked", "rule"), Bot("blocked", "ask_line"),
        User(line), Bot("blocked", "ask_repeated", "yes", "no"),
        User(repeated ? "да" : "нет"), Bot("blocked", "ask_crm", "yes", "no"),
        User("нет"), Bot("blocked", "ask_unblock_state", "unblocked", "appealed", "not_appealed", "refused"),
    ];

    /// <summary>The number is unblocked: the clearing request goes to support and the dialog waits for staff.</summary>
    public static Turn[] UnblockedAndClearingRequested() =>
    [
        User("1"), Bot("blocked", "clearing_opened"), Bot("blocked", "clearing_dont_reconnect"),
    ];

    public static Turn[] StaffTakeAndConfirm() =>
    [
        StaffTakes(), BotText("event_staff_taken"),
        StaffDone(), Bot("blocked", "cleared"),
    ];

    /// <summary>Reconnecting by QR code and the chats-only period through to its reminder and the goodbye.</summary>
    public static Turn[] ReconnectThroughChatsOnly() =>
    [
        Bot("reconnect", "how_to_reconnect"), Bot("reconnect", "ask_connected", "connected", "later"),
        User("Подключили"), Bot("reconnect", "chats_only_rules"),
        TimePasses(TimeSpan.FromDays(3)),
        Bot("reconnect", "chats_only_done"), Bot("reconnect", "good_practice"), Bot("reconnect", "goodbye"),
    ];
}
