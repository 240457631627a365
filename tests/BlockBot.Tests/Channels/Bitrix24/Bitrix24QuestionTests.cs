using BlockBot.Tests.Channels.Bitrix24.Fake;
using BlockBot.Tests.Infrastructure;

namespace BlockBot.Tests.Channels.Bitrix24;

/// <summary>Customers' own words in a Bitrix24 open line: the same understanding, buttons as the keyboard and numbered menu.</summary>
public sealed class Bitrix24QuestionTests : IAsyncLifetime, IDisposable
{
    private const long Chat = 3001;
    private const long Customer = 501;
    private const string Dialog = "chat3001";
    private const string Staff = Bitrix24BotProgram.StaffDialogId;

    private readonly TempDatabase _database = new();
    private const string AnotherNumberAnswer = "While this number isn't unblocked, don't connect another number";

    private FakeBitrix24 _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeBitrix24.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_question_at_the_line_name_step_is_answered_and_never_reaches_the_card()
    {
        await using var program = await Bitrix24BotProgram.StartAsync(Bitrix24BotProgram.WithStaffChat(Bitrix24BotProgram.Settings(_fake, _database)));

        await CustomerAsync("Hello, WhatsApp blocked my number", "What is the name of the Bitrix24 open line");
        await CustomerAsync("can we plug in a different number while this one is banned?", "What is the name of the Bitrix24 open line");
        Assert.Contains(_fake.SentTo(Dialog), m => m.Text.StartsWith(AnotherNumberAnswer, StringComparison.Ordinal));
        await CustomerAsync("Sales", "Was the number on this line blocked before?");
        await CustomerAsync("2", "Was a mailing sent");
        await CustomerAsync("2", "Has WhatsApp already unblocked the number?");
        await CustomerAsync("1", "Request #1 has gone to support");

        var card = (await _fake.WaitForMessagesAsync(Staff, 1))[0];
        Assert.Contains("Line: Sales", card.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("different number", card.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_see_the_messages_the_bot_did_not_understand()
    {
        await using var program = await Bitrix24BotProgram.StartAsync(Bitrix24BotProgram.WithStaffChat(Bitrix24BotProgram.Settings(_fake, _database)));
        await CustomerAsync("qwpoeiru zxmnv [b]bold[/b]", "I don't understand that yet.");

        _fake.Enqueue(FakeEvents.MessageAdd, FakeEvents.StaffMessage(Staff, Bitrix24BotProgram.StaffUserId, "Anna", "questions"));

        var list = (await _fake.WaitForMessagesAsync(Staff, 1))[0];
        Assert.StartsWith("The newest customer messages the bot did not understand", list.Text, StringComparison.Ordinal);
        Assert.Contains("qwpoeiru zxmnv", list.Text, StringComparison.Ordinal);
    }

    private async Task CustomerAsync(string text, string expectedStart)
    {
        var before = _fake.SentTo(Dialog).Count;
        _fake.Enqueue(FakeEvents.MessageAdd, FakeEvents.CustomerMessage(Chat, Customer, text));
        await _fake.WaitForAsync(
            f => f.SentTo(Dialog).Skip(before).Any(m => m.Text.StartsWith(expectedStart, StringComparison.Ordinal)),
            $"the bot to say \"{expectedStart}\"");
    }
}
