using BlockBot.Tests.Infrastructure;
using BlockBot.Tests.Channels.Telegram.Fake;

namespace BlockBot.Tests.Channels.Telegram;

/// <summary>
/// The program on Telegram end to end: the real Telegram.Bot client polling a fake Bot API on 127.0.0.1,
/// a customer in a private chat and staff in the staff group.
/// </summary>
public sealed class TelegramChannelTests : IDisposable
{
    private const long Customer = 42;

    private static readonly Dictionary<string, string?> Fast = new()
    {
        // The flow is about behaviour, not limits (TelegramRateTests hold those): send without the 1/s gaps.
        ["BlockBot:Telegram:MessagesPerSecond"] = "1000",
        ["BlockBot:Telegram:ChatMessagesPerSecond"] = "100",
        ["BlockBot:Telegram:GroupMessagesPerMinute"] = "6000",
        ["BlockBot:Periods:ChatsOnly"] = "00:00:03",
    };

    private readonly TempDatabase _database = new();

    [Fact]
    public async Task A_customer_goes_through_the_first_block_with_buttons_and_staff_act_in_the_group()
    {
        await using var fake = await FakeBotApi.StartAsync();
        await using var bot = await TelegramBot.StartAsync(fake, _database, Fast);
        var chat = new ChatReader(fake, bot, Customer);
        var staff = new ChatReader(fake, bot, TelegramBot.StaffChat);

        Assert.Contains(fake.Calls, c => c.Method == "setMyCommands" && c.Body["commands"]!.AsArray().Any(x => x!["command"]!.GetValue<string>() == "start"));
        Assert.Contains(fake.Calls, c => c.Method == "deleteWebhook");

        var menu = await TelegramFlows.PressBlockedInTheMenuAsync(fake, chat, Customer);
        await fake.WaitUntilAsync(f => f.Calls.Any(c => c.Method == "answerCallbackQuery"), "the press to be answered");
        await fake.WaitUntilAsync(
            f => f.Calls.Any(c => c.Method == "editMessageReplyMarkup" && c.Body["message_id"]!.GetValue<int>() == menu.MessageId && c.Body["reply_markup"] is null),
            "the answered keyboard to be removed");

        fake.Enqueue(Updates.Text(Customer, Customer, "Продажи <b>&"));
        var repeated = await chat.NextAsync("blocked", "ask_repeated", "yes", "no");
        fake.Enqueue(Updates.Press(repeated, Customer, "no"));
        var crm = await chat.NextAsync("blocked", "ask_crm", "yes", "no");
        fake.Enqueue(Updates.Press(crm, Customer, "no"));
        var state = await chat.NextAsync("blocked", "ask_unblock_state", "unblocked", "appealed", "not_appealed", "refused");
        fake.Enqueue(Updates.Press(state, Customer, "unblocked"));
        await chat.NextAsync("blocked", "clearing_opened");
        await chat.NextAsync("blocked", "clearing_dont_reconnect");

        // The card, with what the customer typed shown as typed (escaped on the way, not interpreted).
        var card = await staff.NextMatchingAsync(m => m.Text.StartsWith("Ticket #", StringComparison.Ordinal), "the ticket card");
        Assert.Contains("Line: Продажи <b>&", card.Text, StringComparison.Ordinal);
        Assert.Equal(["ticket:take:1", "ticket:done:1", "ticket:decline:1"], card.Buttons);

        // Someone who is not staff presses take: refused, nothing changes.
        fake.Enqueue(Updates.Press(card, 999, "ticket:take:1", "Stranger"));
        await fake.WaitUntilAsync(
            f => f.Calls.Any(c => c.Method == "answerCallbackQuery" && c.Body["text"]?.GetValue<string>() == "Only support staff can act on tickets." && c.Body["show_alert"]?.GetValue<bool>() == true),
            "the stranger to be refused");
        Assert.DoesNotContain(fake.Calls, c => c.Method == "editMessageText");

        fake.Enqueue(Updates.Press(card, TelegramBot.StaffUser, "ticket:take:1", "Anna"));
        await chat.NextAsync(Expected.Text("event_staff_taken"));
        await fake.WaitUntilAsync(f => EditedCard(f, card).Any(t => t.Contains("taken by Anna", StringComparison.Ordinal)), "the card to show it is taken");

        // A staff reply to the card reaches the customer.
        fake.Enqueue(Updates.Reply(card, TelegramBot.StaffUser, "Anna", "Чистим очередь, 10 минут"));
        await chat.NextAsync(Expected.Text("staff_message").Containing("Чистим очередь, 10 минут"));

        fake.Enqueue(Updates.Press(card, TelegramBot.StaffUser, "ticket:done:1", "Anna"));
        await chat.NextAsync("blocked", "cleared");
        await fake.WaitUntilAsync(f => EditedCard(f, card).Any(t => t.Contains("done by Anna", StringComparison.Ordinal)), "the card to show it is done");

        await chat.NextAsync("reconnect", "how_to_reconnect");
        var connected = await chat.NextAsync("reconnect", "ask_connected", "connected", "later");
        fake.Enqueue(Updates.Press(connected, Customer, "connected"));
        await chat.NextAsync("reconnect", "chats_only_rules");

        // The chats-only reminder (3 s here) arrives through the same outbox and limiter.
        await chat.NextAsync("reconnect", "chats_only_done");
        await chat.NextAsync("reconnect", "good_practice");
        await chat.NextAsync("reconnect", "goodbye");
        Assert.All(fake.SentTo(Customer), m => Assert.True(m.Text.Length <= 4096));
    }

    [Fact]
    public async Task A_pressed_buttons_answer_comes_before_its_keyboard_is_taken_away()
    {
        await using var fake = await FakeBotApi.StartAsync();
        await using var bot = await TelegramBot.StartAsync(fake, _database, Fast);
        var chat = new ChatReader(fake, bot, Customer);
        var menu = await TelegramFlows.PressBlockedInTheMenuAsync(fake, chat, Customer);
        await fake.WaitUntilAsync(f => f.Calls.Any(c => c.Method == "editMessageReplyMarkup"), "the answered keyboard to be removed");

        // The customer waits for the answer, not for the tidying: every message of it went out before the edit.
        var calls = fake.Calls;
        var edit = calls.ToList().FindIndex(c => c.Method == "editMessageReplyMarkup");
        Assert.Equal(menu.MessageId, calls[edit].Body["message_id"]!.GetValue<int>());
        Assert.Equal(5, calls.Take(edit).Count(c => c.Method == "sendMessage"));
    }

    [Fact]
    public async Task Photos_get_a_request_for_text_edits_are_ignored_and_a_stranger_group_is_left()
    {
        await using var fake = await FakeBotApi.StartAsync();
        await using var bot = await TelegramBot.StartAsync(fake, _database, Fast);
        var chat = new ChatReader(fake, bot, Customer);

        fake.Enqueue(Updates.Edited(Customer, Customer, "/start"));
        fake.Enqueue(Updates.Photo(Customer, Customer));
        await chat.NextAsync(Expected.Text("non_text"));
        fake.Enqueue(Updates.Text(-555, 77, "hello bot"));
        await fake.WaitUntilAsync(f => f.Calls.Any(c => c.Method == "leaveChat" && c.Body["chat_id"]!.GetValue<long>() == -555), "the bot to leave the group");

        await bot.HandledAllAsync(fake, "every update to be handled");
        Assert.Single(fake.SentTo(Customer));
        Assert.Empty(fake.SentTo(-555));
    }

    public void Dispose() => _database.Dispose();

    private static IEnumerable<string> EditedCard(FakeBotApi fake, SentMessage card) =>
        fake.Calls.Where(c => c.Method == "editMessageText" && c.Body["message_id"]!.GetValue<int>() == card.MessageId)
            .Select(c => System.Net.WebUtility.HtmlDecode(c.Body["text"]!.GetValue<string>()));
}
