using BlockBot.Tests.Infrastructure;
using BlockBot.Tests.Channels.Telegram.Fake;

namespace BlockBot.Tests.Channels.Telegram;

/// <summary>Customers' own words on Telegram: the same understanding as every channel, with its buttons as an inline keyboard.</summary>
public sealed class TelegramQuestionTests : IDisposable
{
    private const long Customer = 42;

    private static readonly Dictionary<string, string?> Fast = new()
    {
        ["BlockBot:Telegram:MessagesPerSecond"] = "1000",
        ["BlockBot:Telegram:ChatMessagesPerSecond"] = "100",
        ["BlockBot:Telegram:GroupMessagesPerMinute"] = "6000",
    };

    private readonly TempDatabase _database = new();

    [Fact]
    public async Task A_question_at_the_line_name_step_is_answered_and_the_walk_goes_on_with_the_line_typed_after()
    {
        await using var fake = await FakeBotApi.StartAsync();
        await using var bot = await TelegramBot.StartAsync(fake, _database, Fast);
        var chat = new ChatReader(fake, bot, Customer);
        var staff = new ChatReader(fake, bot, TelegramBot.StaffChat);

        fake.Enqueue(Updates.Text(Customer, Customer, "Здравствуйте, WhatsApp заблокировал наш номер"));
        await chat.NextAsync("blocked", "intro");
        await chat.NextAsync("blocked", "rule");
        await chat.NextAsync("blocked", "ask_line");

        fake.Enqueue(Updates.Text(Customer, Customer, "а можно пока подключить к линии другой номер?"));
        await chat.NextAsync(Expected.Answer("another_number"));
        await chat.NextAsync("blocked", "ask_line");

        fake.Enqueue(Updates.Text(Customer, Customer, "Продажи"));
        var repeated = await chat.NextAsync("blocked", "ask_repeated", "yes", "no");
        fake.Enqueue(Updates.Press(repeated, Customer, "no"));
        var crm = await chat.NextAsync("blocked", "ask_crm", "yes", "no");
        fake.Enqueue(Updates.Press(crm, Customer, "no"));
        var state = await chat.NextAsync("blocked", "ask_unblock_state", "unblocked", "appealed", "not_appealed", "refused");
        fake.Enqueue(Updates.Press(state, Customer, "unblocked"));
        await chat.NextAsync("blocked", "clearing_opened");
        await chat.NextAsync("blocked", "clearing_dont_reconnect");

        var card = await staff.NextMatchingAsync(m => m.Text.StartsWith("Ticket #", StringComparison.Ordinal), "the ticket card");
        Assert.Contains("Line: Продажи", card.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("другой номер", card.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_of_scope_offers_a_person_and_staff_see_unanswered_messages_in_the_group()
    {
        await using var fake = await FakeBotApi.StartAsync();
        await using var bot = await TelegramBot.StartAsync(fake, _database, Fast);
        var chat = new ChatReader(fake, bot, Customer);
        var staff = new ChatReader(fake, bot, TelegramBot.StaffChat);

        fake.Enqueue(Updates.Text(Customer, Customer, "сколько стоит продлить подписку на коннектор на год?"));
        await chat.NextAsync(Expected.Answer("out_of_scope"));
        await chat.NextAsync(Expected.Text("person_available"), "__person");

        fake.Enqueue(Updates.Text(Customer, Customer, "qwpoeiru <b>zxmnv</b>"));
        await chat.NextAsync(Expected.Text("not_understood"));
        await chat.NextAsync("menu", "greet");

        fake.Enqueue(Updates.Text(TelegramBot.StaffChat, TelegramBot.StaffUser, "/questions@BlockBot"));
        var list = await staff.NextMatchingAsync(m => m.Text.StartsWith("The newest customer messages", StringComparison.Ordinal), "the unanswered list");
        Assert.Contains("qwpoeiru <b>zxmnv</b>", list.Text, StringComparison.Ordinal);
        Assert.Contains("telegram:42", list.Text, StringComparison.Ordinal);
    }

    public void Dispose() => _database.Dispose();
}
