using BlockBot.Tests.Infrastructure;
using BlockBot.Tests.Channels.Telegram.Fake;

namespace BlockBot.Tests.Channels.Telegram;

/// <summary>
/// What people typed (a customer's line name and messages, a staff member's name) shows exactly as typed,
/// never as HTML: the fake parses HTML as Telegram does and refuses a message with a stray &lt; or &amp;.
/// </summary>
public sealed class TelegramEscapingTests : IDisposable
{
    private const long Customer = 48;
    private const string Line = "<b>Sales & Co</b>";
    private const string StaffName = "<i>Bob</i> & Co";

    private readonly TempDatabase _database = new();

    [Fact]
    public async Task A_line_name_with_markup_shows_literally_in_the_reply_and_on_the_card_and_so_do_staff_names_and_relays()
    {
        await using var fake = await FakeBotApi.StartAsync();
        await using var bot = await TelegramBot.StartAsync(fake, _database, TelegramFlows.Fast());
        var chat = new ChatReader(fake, bot, Customer);
        var staff = new ChatReader(fake, bot, TelegramBot.StaffChat);

        var card = await TelegramFlows.OpenClearingTicketAsync(fake, chat, staff, Customer, Line);
        var reply = fake.SentTo(Customer).Single(m => m.Text.Contains('«' + Line + '»', StringComparison.Ordinal));
        Assert.Contains("«&lt;b&gt;Sales &amp; Co&lt;/b&gt;»", reply.RawText, StringComparison.Ordinal);
        Assert.Contains("Line: " + Line + "\n", card.Text, StringComparison.Ordinal);
        Assert.Contains("Line: &lt;b&gt;Sales &amp; Co&lt;/b&gt;", card.RawText, StringComparison.Ordinal);

        fake.Enqueue(Updates.Press(card, TelegramBot.StaffUser, "ticket:take:1", StaffName));
        await chat.NextAsync(Expected.Text("event_staff_taken").Containing(StaffName));
        await fake.WaitUntilAsync(f => f.Edits(card.MessageId).Any(c => FakeBotApi.Shown(c).EndsWith("taken by " + StaffName, StringComparison.Ordinal)), "the card to show the staff name as typed");

        const string typed = "<script>&amp;</script> 1 < 2 & 3 > 2";
        fake.Enqueue(Updates.Text(Customer, Customer, typed));
        var relay = await staff.NextMatchingAsync(m => m.Text.EndsWith("\n" + typed, StringComparison.Ordinal), "the customer's message relayed as typed");
        Assert.Equal(card.MessageId, relay.ReplyTo);

        // Nothing the bot sent was refused as broken HTML.
        Assert.DoesNotContain(fake.Calls, c => c.Status == 400 && c.Method is "sendMessage" or "editMessageText");
    }

    public void Dispose() => _database.Dispose();
}
