using BlockBot.Tests.Infrastructure;
using BlockBot.Tests.Channels.Telegram.Fake;

namespace BlockBot.Tests.Channels.Telegram;

/// <summary>Ways a customer gets a ticket onto the staff group, through the real dialogs; each returns the card.</summary>
public static class TelegramFlows
{
    /// <summary>Behaviour tests: no 1/s gaps, so a flow takes as long as its turns.</summary>
    public static Dictionary<string, string?> Fast() => new()
    {
        ["BlockBot:Telegram:MessagesPerSecond"] = "1000",
        ["BlockBot:Telegram:ChatMessagesPerSecond"] = "100",
        ["BlockBot:Telegram:GroupMessagesPerMinute"] = "6000",
    };

    /// <summary>/start, then the menu's "blocked" button, up to the question for the line's name; returns the menu pressed.</summary>
    public static async Task<SentMessage> PressBlockedInTheMenuAsync(FakeBotApi fake, ChatReader chat, long customer)
    {
        fake.Enqueue(Updates.Text(customer, customer, "/start"));
        await chat.NextAsync("menu", "greet");
        var menu = await chat.NextAsync("menu", "choose", "blocked", "causes", "refused", "appeal", "operator");
        fake.Enqueue(Updates.Press(menu, customer, "blocked"));
        await chat.NextAsync("blocked", "intro");
        await chat.NextAsync("blocked", "rule");
        await chat.NextAsync("blocked", "ask_line");
        return menu;
    }

    /// <summary>The first-block path up to the queue-clearing ticket for <paramref name="line"/>.</summary>
    public static async Task<SentMessage> OpenClearingTicketAsync(FakeBotApi fake, ChatReader chat, ChatReader staff, long customer, string line)
    {
        await PressBlockedInTheMenuAsync(fake, chat, customer);
        fake.Enqueue(Updates.Text(customer, customer, line));
        var repeated = await chat.NextAsync("blocked", "ask_repeated", "yes", "no");
        fake.Enqueue(Updates.Press(repeated, customer, "no"));
        var crm = await chat.NextAsync("blocked", "ask_crm", "yes", "no");
        fake.Enqueue(Updates.Press(crm, customer, "no"));
        var state = await chat.NextAsync("blocked", "ask_unblock_state");
        fake.Enqueue(Updates.Press(state, customer, "unblocked"));
        await chat.NextAsync(Expected.Step("blocked", "clearing_opened").Containing($"«{line}»"));
        await chat.NextAsync("blocked", "clearing_dont_reconnect");
        return await staff.NextMatchingAsync(IsCard, "the ticket card");
    }

    /// <summary>/operator: a general-question ticket.</summary>
    public static async Task<SentMessage> OpenGeneralTicketAsync(FakeBotApi fake, ChatReader chat, ChatReader staff, long customer)
    {
        fake.Enqueue(Updates.Text(customer, customer, "/operator"));
        await chat.NextAsync("operator", "handed_off");
        return await staff.NextMatchingAsync(IsCard, "the ticket card");
    }

    public static bool IsCard(SentMessage message) => message.Text.StartsWith("Ticket #", StringComparison.Ordinal) && message.Buttons.Count > 0;

    /// <summary>The message id Telegram gave a message update built with <see cref="Updates"/>.</summary>
    public static int MessageIdOf(System.Text.Json.Nodes.JsonObject update) => update["message"]!["message_id"]!.GetValue<int>();
}
