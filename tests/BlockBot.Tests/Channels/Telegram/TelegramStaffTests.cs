using BlockBot.Channels.Telegram.Staff;
using BlockBot.Tests.Infrastructure;
using BlockBot.Tests.Channels.Telegram.Fake;

namespace BlockBot.Tests.Channels.Telegram;

/// <summary>The staff group beyond take and done: declining with a reason, and who counts as staff.</summary>
public sealed class TelegramStaffTests : IDisposable
{
    private const long Customer = 44;
    private const long Stranger = 999;

    private readonly TempDatabase _database = new();

    [Fact]
    public async Task Decline_asks_for_the_reason_in_the_group_and_only_a_staff_reply_to_the_prompt_declines()
    {
        await using var fake = await FakeBotApi.StartAsync();
        await using var bot = await TelegramBot.StartAsync(fake, _database, TelegramFlows.Fast());
        var chat = new ChatReader(fake, bot, Customer);
        var staff = new ChatReader(fake, bot, TelegramBot.StaffChat);
        // The card carries the line name as typed; words in it that look like the prompt's must not turn a reply into a decline.
        var card = await TelegramFlows.OpenClearingTicketAsync(fake, chat, staff, Customer, "Продажи · decline: всё");

        fake.Enqueue(Updates.Reply(card, TelegramBot.StaffUser, "Anna", "Смотрю"));
        await chat.NextAsync(Expected.Text("staff_message").Containing("Смотрю"));

        fake.Enqueue(Updates.Press(card, TelegramBot.StaffUser, "ticket:decline:1", "Anna"));
        var prompt = await staff.NextMatchingAsync(m => m.ForceReply, "the decline prompt");
        Assert.Equal(TelegramStaffChat.DeclinePrompt(1, "Anna"), prompt.Text);
        await fake.WaitUntilAsync(
            f => f.Calls.Any(c => c.Method == "answerCallbackQuery" && c.Body["text"]?.GetValue<string>() == "Reply to the prompt below with the reason."),
            "the press to be answered");
        Assert.Empty(fake.Edits(card.MessageId));

        // Someone who is not staff answers the prompt: refused, nothing declined, the customer hears nothing.
        var strangerReply = Updates.Reply(prompt, Stranger, "Mallory", "Потому что");
        fake.Enqueue(strangerReply);
        await staff.NextMatchingAsync(m => m.Text == TelegramStaffActions.Refusal && m.ReplyTo == TelegramFlows.MessageIdOf(strangerReply), "the stranger to be refused");
        await bot.HandledAllAsync(fake, "the stranger's reply to be handled");
        Assert.Empty(fake.Edits(card.MessageId));
        Assert.Equal(chat.Read, fake.SentTo(Customer).Count);

        fake.Enqueue(Updates.Reply(prompt, TelegramBot.StaffUser, "Anna", "Очередь линии уже пуста"));
        await chat.NextAsync(Expected.Step("blocked", "declined").Containing("Причина: Очередь линии уже пуста"));
        await chat.NextAsync("blocked", "after_decline", "retry", "person");
        await fake.WaitUntilAsync(
            f => f.Edits(card.MessageId).Any(c => FakeBotApi.Shown(c).EndsWith("Ticket #1: declined by Anna: Очередь линии уже пуста", StringComparison.Ordinal) && c.Body["reply_markup"] is null),
            "the card to show the decline, without buttons");

        // Pressing an old button of the declined card changes nothing.
        fake.Enqueue(Updates.Press(card, TelegramBot.StaffUser, "ticket:take:1", "Anna"));
        await fake.WaitUntilAsync(
            f => f.Calls.Any(c => c.Method == "answerCallbackQuery" && c.Body["text"]?.GetValue<string>() == "Ticket #1 was already declined by Anna."),
            "the late press to be answered");
        Assert.Equal(chat.Read, fake.SentTo(Customer).Count);
    }

    [Fact]
    public async Task Without_staff_user_ids_group_members_admins_and_the_creator_act_and_everyone_else_is_refused()
    {
        await using var fake = await FakeBotApi.StartAsync();
        var settings = TelegramFlows.Fast();
        settings["BlockBot:Telegram:StaffUserIds:0"] = null;
        await using var bot = await TelegramBot.StartAsync(fake, _database, settings);
        var chat = new ChatReader(fake, bot, Customer);
        var staff = new ChatReader(fake, bot, TelegramBot.StaffChat);
        var card = await TelegramFlows.OpenGeneralTicketAsync(fake, chat, staff, Customer);

        var refused = new Dictionary<long, string?> { [611] = "left", [612] = "kicked", [613] = "restricted", [614] = null };
        foreach (var (user, status) in refused)
        {
            fake.SetChatMember(user, status);
            fake.Enqueue(Updates.Press(card, user, "ticket:take:1", $"User{user}"));
        }

        var replyByLeft = Updates.Reply(card, 611, "User611", "Я уже не в группе");
        fake.Enqueue(replyByLeft);
        await fake.WaitUntilAsync(
            f => f.Calls.Count(c => c.Method == "answerCallbackQuery" && c.Body["text"]?.GetValue<string>() == TelegramStaffActions.Refusal && c.Body["show_alert"]?.GetValue<bool>() == true) == refused.Count,
            "every press by a non-member to be refused");
        await staff.NextMatchingAsync(m => m.Text == TelegramStaffActions.Refusal && m.ReplyTo == TelegramFlows.MessageIdOf(replyByLeft), "the reply by a former member to be refused");
        Assert.All(refused.Keys, user => Assert.Contains(fake.Calls, c => c.Method == "getChatMember"
            && c.Body["chat_id"]!.GetValue<long>() == TelegramBot.StaffChat && c.Body["user_id"]!.GetValue<long>() == user));
        Assert.Empty(fake.Edits(card.MessageId));
        Assert.Equal(chat.Read, fake.SentTo(Customer).Count);

        fake.SetChatMember(601, "member");
        fake.SetChatMember(602, "administrator");
        fake.SetChatMember(603, "creator");
        fake.Enqueue(Updates.Press(card, 601, "ticket:take:1", "Mia"));
        await fake.WaitUntilAsync(f => f.Edits(card.MessageId).Any(c => FakeBotApi.Shown(c).Contains("taken by Mia", StringComparison.Ordinal)), "a member to take the ticket");
        fake.Enqueue(Updates.Reply(card, 602, "Ada", "Уже смотрю"));
        await chat.NextMatchingAsync(m => m.Text.Contains("Уже смотрю", StringComparison.Ordinal), "an administrator's reply to reach the customer");
        fake.Enqueue(Updates.Press(card, 603, "ticket:done:1", "Cid"));
        await fake.WaitUntilAsync(f => f.Edits(card.MessageId).Any(c => FakeBotApi.Shown(c).Contains("done by Cid", StringComparison.Ordinal)), "the creator to finish the ticket");
    }

    public void Dispose() => _database.Dispose();
}
