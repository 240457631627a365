using BlockBot.Channels.Bitrix24;
using BlockBot.Tests.Channels.Bitrix24.Fake;
using BlockBot.Tests.Infrastructure;

namespace BlockBot.Tests.Channels.Bitrix24;

/// <summary>The real program against the fake portal in fetch mode (the default): registration, polling, the first-block path.</summary>
public sealed class Bitrix24FetchTests : IAsyncLifetime, IDisposable
{
    private const long Chat = 1775;
    private const long Customer = 599;
    private const string Dialog = "chat1775";

    private readonly TempDatabase _database = new();
    private FakeBitrix24 _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeBitrix24.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task The_bot_registers_as_an_open_lines_bot_and_a_restart_reuses_it()
    {
        await using (await Bitrix24BotProgram.StartAsync(Bitrix24BotProgram.Settings(_fake, _database)))
        {
            var bot = Assert.Single(_fake.Bots);
            Assert.Equal("openline", bot["type"]!.ToString());
            Assert.Equal("fetch", bot["eventMode"]!.ToString());
            Assert.Equal("true", bot["isSupportOpenline"]!.ToString());
            Assert.Contains(Bitrix24MessageFormatter.ChoiceCommand, _fake.Commands);
        }

        var firstId = _fake.BotId;
        await using (await Bitrix24BotProgram.StartAsync(Bitrix24BotProgram.Settings(_fake, _database)))
        {
            Assert.Equal(2, _fake.CallsOf("imbot.v2.Bot.register").Count(c => c.Status == 200));
            Assert.Equal(firstId, Assert.Single(_fake.Bots)["id"]!.GetValue<long>());
            Assert.All(_fake.CallsOf("imbot.v2.Bot.register"), c => Assert.Equal(Bitrix24BotProgram.BotToken, c.Parameters["fields"]!["botToken"]!.ToString()));
        }
    }

    [Fact]
    public async Task A_restart_with_webhook_events_switches_the_registered_bot_over()
    {
        await using (await Bitrix24BotProgram.StartAsync(Bitrix24BotProgram.Settings(_fake, _database)))
        {
        }

        await using (await Bitrix24BotProgram.StartAsync(Bitrix24BotProgram.WithWebhook(Bitrix24BotProgram.Settings(_fake, _database))))
        {
            var bot = Assert.Single(_fake.Bots);
            Assert.Equal("webhook", bot["eventMode"]!.ToString());
            Assert.Equal("https://bot.example/bitrix24/events", bot["webhookUrl"]!.ToString());
        }
    }

    [Fact]
    public async Task Joining_greets_with_the_menu_as_keyboard_and_numbered_text_and_the_offset_is_confirmed_after_the_turn()
    {
        await using var program = await Bitrix24BotProgram.StartAsync(Bitrix24BotProgram.Settings(_fake, _database));
        var joinId = _fake.Enqueue(FakeEvents.JoinChat, FakeEvents.Join(Chat, Customer));

        var messages = await _fake.WaitForMessagesAsync(Dialog, 2);
        Assert.StartsWith("Hello! I'm BlockBot.", messages[0].Text, StringComparison.Ordinal);
        var menu = messages[1];
        Assert.StartsWith("What can I help you with?", menu.Text, StringComparison.Ordinal);
        Assert.Contains("[send=1]1. My number is blocked[/send]", menu.Text, StringComparison.Ordinal);
        Assert.Contains("[send=5]5. Talk to a person[/send]", menu.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("[send=0]", menu.Text, StringComparison.Ordinal);
        Assert.Equal(
            [("My number is blocked", "choice", "blocked"), ("Why numbers get blocked", "choice", "causes"), ("WhatsApp refused to unblock", "choice", "refused"),
             ("How to appeal a block", "choice", "appeal"), ("Talk to a person", "choice", "operator")],
            menu.Buttons);

        await _fake.WaitForAsync(f => f.ConfirmedOffset > joinId, "the join event to be confirmed");
        Assert.Equal(0, _fake.Pending);
    }

    [Fact]
    public async Task The_first_block_path_runs_on_keyboard_presses_and_typed_numbers_and_ignores_operators_and_system_messages()
    {
        await using var program = await Bitrix24BotProgram.StartAsync(Bitrix24BotProgram.Settings(_fake, _database));
        _fake.Enqueue(FakeEvents.JoinChat, FakeEvents.Join(Chat, Customer));
        await _fake.WaitForMessagesAsync(Dialog, 2);

        _fake.Enqueue(FakeEvents.CommandAdd, FakeEvents.KeyboardPress(Chat, Customer, "choice", "blocked"));
        var afterPress = await _fake.WaitForMessagesAsync(Dialog, 5);
        Assert.StartsWith("Sorry to hear your number was blocked.", afterPress[2].Text, StringComparison.Ordinal);
        Assert.StartsWith("What is the name of the Bitrix24 open line", afterPress[4].Text, StringComparison.Ordinal);

        // Operators and system messages in the same open-line chat are not the customer's answers.
        _fake.Enqueue(FakeEvents.MessageAdd, FakeEvents.OperatorMessage(Chat, Customer, 31, "Operator here"));
        _fake.Enqueue(FakeEvents.MessageAdd, FakeEvents.SystemMessage(Chat, Customer, "Session started"));
        _fake.Enqueue(FakeEvents.MessageAdd, FakeEvents.CustomerMessage(Chat, Customer, "Sales [b]line[/b]"));
        var afterLine = await _fake.WaitForMessagesAsync(Dialog, 6);
        Assert.StartsWith("Was the number on this line blocked before?", afterLine[5].Text, StringComparison.Ordinal);
        Assert.Contains("[send=2]2. No[/send]", afterLine[5].Text, StringComparison.Ordinal);

        _fake.Enqueue(FakeEvents.MessageAdd, FakeEvents.CustomerMessage(Chat, Customer, "2"));
        var afterNumber = await _fake.WaitForMessagesAsync(Dialog, 7);
        Assert.StartsWith("Was a mailing sent from this number through Bitrix24 CRM marketing?", afterNumber[6].Text, StringComparison.Ordinal);

        _fake.Enqueue(FakeEvents.CommandAdd, FakeEvents.KeyboardPress(Chat, Customer, "choice", "no"));
        await _fake.WaitForAsync(f => f.SentTo(Dialog).Count > 7 && f.Pending == 0, "the answer to the CRM question");
        var all = _fake.SentTo(Dialog);
        Assert.DoesNotContain(all, m => m.Text.Contains("Operator here", StringComparison.Ordinal));

        // What the customer typed comes back shown as typed, never as BB-code.
        var quoting = all.Where(m => m.Text.Contains("Sales", StringComparison.Ordinal)).ToList();
        Assert.All(quoting, m => Assert.DoesNotContain("[b]line", m.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Events_confirmed_before_a_restart_are_not_handled_again()
    {
        await using (await Bitrix24BotProgram.StartAsync(Bitrix24BotProgram.Settings(_fake, _database)))
        {
            _fake.Enqueue(FakeEvents.JoinChat, FakeEvents.Join(Chat, Customer));
            await _fake.WaitForMessagesAsync(Dialog, 2);
            await _fake.WaitForAsync(f => f.Pending == 0, "the join to be confirmed");
        }

        await using (await Bitrix24BotProgram.StartAsync(Bitrix24BotProgram.Settings(_fake, _database)))
        {
            var offset = _fake.ConfirmedOffset;
            await _fake.WaitForAsync(f => f.CallsOf("imbot.v2.Event.get").Count(c => c.Parameters["offset"]?.ToString() == offset.ToString()) >= 2, "two polls after the restart");
            _fake.Enqueue(FakeEvents.MessageAdd, FakeEvents.CustomerMessage(Chat, Customer, "1"));
            await _fake.WaitForMessagesAsync(Dialog, 5);
            Assert.Equal(1, _fake.SentTo(Dialog).Count(m => m.Text.StartsWith("Hello! I'm BlockBot.", StringComparison.Ordinal)));
        }
    }
}
