using BlockBot.Tests.Channels.Bitrix24.Fake;
using BlockBot.Tests.Infrastructure;

namespace BlockBot.Tests.Channels.Bitrix24;

/// <summary>People: the transfer to the line's operators, and tickets worked in a Bitrix24 staff chat.</summary>
public sealed class Bitrix24HandoffTests : IAsyncLifetime, IDisposable
{
    private const long Chat = 3001;
    private const long Customer = 501;
    private const string Dialog = "chat3001";
    private const string Staff = Bitrix24BotProgram.StaffDialogId;

    private readonly TempDatabase _database = new();
    private FakeBitrix24 _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeBitrix24.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Operator_hands_the_session_to_the_line_operators_after_the_bot_says_so_and_posts_a_card()
    {
        await using var program = await Bitrix24BotProgram.StartAsync(Bitrix24BotProgram.WithStaffChat(Bitrix24BotProgram.Settings(_fake, _database)));

        _fake.Enqueue(FakeEvents.MessageAdd, FakeEvents.CustomerMessage(Chat, Customer, "/operator"));
        await _fake.WaitForAsync(f => f.CallsOf("imopenlines.bot.session.operator").Count > 0, "the transfer to operators");

        var transfer = Assert.Single(_fake.CallsOf("imopenlines.bot.session.operator"));
        Assert.Equal(Chat.ToString(System.Globalization.CultureInfo.InvariantCulture), transfer.Parameters["CHAT_ID"]!.ToString());
        var said = Assert.Single(_fake.SentTo(Dialog));
        Assert.StartsWith("I've asked a person from support to step in (request #1).", said.Text, StringComparison.Ordinal);
        var calls = _fake.Calls.ToList();
        Assert.True(
            calls.FindIndex(c => c.Method == "imbot.v2.Chat.Message.send" && c.Parameters["dialogId"]?.ToString() == Dialog)
            < calls.FindIndex(c => c.Method == "imopenlines.bot.session.operator"),
            "The customer hears the bot's last words before the chat leaves it.");

        var card = Assert.Single(_fake.SentTo(Staff));
        Assert.Contains("Ticket #1 · general question", card.Text, StringComparison.Ordinal);
        Assert.Equal(["Take", "Done", "Decline"], card.Buttons.Select(b => b.Text));
    }

    [Fact]
    public async Task A_configured_queue_gets_the_session_through_transfer_with_the_bot_token()
    {
        var settings = Bitrix24BotProgram.Settings(_fake, _database);
        settings["BlockBot:Bitrix24:OperatorQueueId"] = "12";
        await using var program = await Bitrix24BotProgram.StartAsync(settings);

        _fake.Enqueue(FakeEvents.MessageAdd, FakeEvents.CustomerMessage(Chat, Customer, "/operator"));
        await _fake.WaitForAsync(f => f.CallsOf("imopenlines.bot.session.transfer").Count > 0, "the transfer to the queue");

        var transfer = Assert.Single(_fake.CallsOf("imopenlines.bot.session.transfer"));
        Assert.Equal(200, transfer.Status);
        Assert.Equal("12", transfer.Parameters["QUEUE_ID"]!.ToString());
        Assert.Equal(Bitrix24BotProgram.BotToken, transfer.Parameters["CLIENT_ID"]!.ToString());
        Assert.Empty(_fake.CallsOf("imopenlines.bot.session.operator"));
    }

    [Fact]
    public async Task Staff_take_and_finish_a_clearing_in_the_bitrix24_staff_chat_and_replies_go_both_ways()
    {
        await using var program = await Bitrix24BotProgram.StartAsync(Bitrix24BotProgram.WithStaffChat(Bitrix24BotProgram.Settings(_fake, _database)));
        await CustomerAsync(FakeEvents.KeyboardPress(Chat, Customer, "choice", "blocked"), "What is the name of the Bitrix24 open line");
        await CustomerAsync(FakeEvents.CustomerMessage(Chat, Customer, "Sales"), "Was the number on this line blocked before?");
        await CustomerAsync(FakeEvents.CustomerMessage(Chat, Customer, "2"), "Was a mailing sent");
        await CustomerAsync(FakeEvents.KeyboardPress(Chat, Customer, "choice", "no"), "Has WhatsApp already unblocked the number?");
        _fake.Enqueue(FakeEvents.CommandAdd, FakeEvents.KeyboardPress(Chat, Customer, "choice", "unblocked"));

        var card = (await _fake.WaitForMessagesAsync(Staff, 1))[0];
        Assert.Contains("Ticket #1 · queue clearing", card.Text, StringComparison.Ordinal);
        Assert.Contains("Line: Sales", card.Text, StringComparison.Ordinal);
        Assert.Contains("Block: first", card.Text, StringComparison.Ordinal);
        Assert.Equal([("Take", "ticket", "take 1"), ("Done", "ticket", "done 1"), ("Decline", "ticket", "decline 1")], card.Buttons);

        // Someone who is not configured staff cannot act.
        _fake.Enqueue(FakeEvents.CommandAdd, FakeEvents.StaffPress(Staff, 8, "Visitor", "ticket", "take 1"));
        var refused = (await _fake.WaitForMessagesAsync(Staff, 2))[1];
        Assert.Contains("Only the support staff configured for BlockBot", refused.Text, StringComparison.Ordinal);

        var customerBefore = _fake.SentTo(Dialog).Count;
        _fake.Enqueue(FakeEvents.CommandAdd, FakeEvents.StaffPress(Staff, Bitrix24BotProgram.StaffUserId, "Anna", "ticket", "take 1"));
        var took = (await _fake.WaitForMessagesAsync(Staff, 3))[2];
        Assert.Equal("Anna: You took ticket #1.", took.Text);
        Assert.Equal(["Done", "Decline"], _fake.Message(card.Id)!.Buttons.Select(b => b.Text));
        Assert.Contains("taken by Anna", _fake.Message(card.Id)!.Text, StringComparison.Ordinal);
        await _fake.WaitForAsync(f => f.SentTo(Dialog).Count > customerBefore, "the customer to hear the ticket was taken");
        Assert.Contains("Anna", _fake.SentTo(Dialog)[^1].Text, StringComparison.Ordinal);

        _fake.Enqueue(FakeEvents.MessageAdd, FakeEvents.CustomerMessage(Chat, Customer, "Any news? [url=x]y[/url]"));
        var relayed = (await _fake.WaitForMessagesAsync(Staff, 4))[3];
        Assert.StartsWith("Ticket #1 · the customer writes:", relayed.Text, StringComparison.Ordinal);
        Assert.Contains("Any news?", relayed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("[url=x]", relayed.Text, StringComparison.Ordinal);

        customerBefore = _fake.SentTo(Dialog).Count;
        _fake.Enqueue(FakeEvents.MessageAdd, FakeEvents.StaffMessage(Staff, Bitrix24BotProgram.StaffUserId, "Anna", "[USER=456]BlockBot[/USER] reply 1 We are clearing it now"));
        await _fake.WaitForAsync(f => f.SentTo(Dialog).Skip(customerBefore).Any(m => m.Text.Contains("We are clearing it now", StringComparison.Ordinal)), "the staff reply to reach the customer");

        customerBefore = _fake.SentTo(Dialog).Count;
        _fake.Enqueue(FakeEvents.CommandAdd, FakeEvents.StaffPress(Staff, Bitrix24BotProgram.StaffUserId, "Anna", "ticket", "done 1"));
        await _fake.WaitForAsync(f => f.Message(card.Id)!.Keyboard is null, "the card to lose its buttons");
        Assert.Contains("done by Anna", _fake.Message(card.Id)!.Text, StringComparison.Ordinal);
        await _fake.WaitForAsync(f => f.SentTo(Dialog).Count > customerBefore, "the customer's procedure to go on after done");
    }

    private async Task CustomerAsync(System.Text.Json.Nodes.JsonObject data, string expectedStart)
    {
        var before = _fake.SentTo(Dialog).Count;
        _fake.Enqueue(data["command"] is null ? FakeEvents.MessageAdd : FakeEvents.CommandAdd, data);
        await _fake.WaitForAsync(
            f => f.SentTo(Dialog).Skip(before).Any(m => m.Text.StartsWith(expectedStart, StringComparison.Ordinal)),
            $"the bot to ask \"{expectedStart}\"");
    }
}
