using BlockBot.Tests.Channels.Telegram.Fake;
using BlockBot.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BlockBot.Tests.Channels.WebChat;

/// <summary>
/// A web visitor follows the "continue in Telegram" link the bot offers when it schedules a reminder (ADR 0015): the
/// Telegram chat takes the conversation over, and the reminder arrives there, not on the page; a used code and a chat
/// with a case of its own are refused. One bot runs the web
/// chat and Telegram (against the fake Bot API); the page is Microsoft's Web Chat in Chromium.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContinueInTelegramTests(BrowserFixture browser) : IAsyncLifetime, IDisposable
{
    private const long Visitor = 4_200_001;
    private const long Stranger = 4_200_002;
    private const long BusyCustomer = 4_200_003;
    private static readonly float Wait = (float)DirectLineTestClient.Wait.TotalMilliseconds;

    private readonly TempDatabase _database = new();
    private FakeBotApi _telegram = null!;
    private WebChatBotProgram _program = null!;

    public async Task InitializeAsync()
    {
        _telegram = await FakeBotApi.StartAsync();
        var settings = WebChatBotProgram.Settings(_database);
        // Long enough to follow the link before it falls due, short enough to wait for.
        settings["BlockBot:Periods:ChatsOnly"] = "00:00:20";
        settings["BlockBot:Telegram:Token"] = FakeBotApi.Token;
        settings["BlockBot:Telegram:ApiUrl"] = _telegram.Url;
        settings["BlockBot:Telegram:PollingTimeoutSeconds"] = "1";
        _program = await WebChatBotProgram.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await _program.DisposeAsync();
        await _telegram.DisposeAsync();
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task The_link_offered_with_a_reminder_moves_the_case_to_telegram_where_the_reminder_arrives()
    {
        // Meanwhile someone opens a case of their own in Telegram (each chat's messages are handled in order).
        foreach (var text in new[] { "/start from-the-help-page", "My number is blocked", "Kitchen", "No", "No" })
        {
            _telegram.Enqueue(Updates.Text(BusyCustomer, BusyCustomer, text, "en"));
        }

        var page = await (await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 480, Height = 860 } })).NewPageAsync();
        await page.GotoAsync(new Uri(_program.BaseAddress, "chat?lang=en").ToString());
        await page.PressButtonAsync("My number is blocked");
        await page.TypeMessageAsync("Sales");
        await page.PressButtonAsync("No");
        await page.SeeTextAsync("Was a mailing sent from this number");
        await page.PressButtonAsync("No");
        await page.PressButtonAsync("It's unblocked already");
        await page.SeeTextAsync("has gone to support with the line name “Sales”");
        _program.Staff.Type("/staff take 1");
        _program.Staff.Type("/staff done 1");
        await page.SeeTextAsync("scan the QR code");

        // Connecting schedules the end of the chats-only period: the page offers Telegram for it.
        await page.PressButtonAsync("Connected");
        await page.SeeTextAsync("If you close this page");
        var link = page.Locator("a[href^='https://t.me/blockbot_test_bot?start=']").Last;
        var href = await link.GetAttributeAsync("href", new() { Timeout = Wait }) ?? string.Empty;
        await page.SeeTextAsync("For the next several days after connecting, only chat");
        await page.GetByText("For the next several days after connecting, only chat").Last.ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, "webchat-continue-in-telegram");
        var code = new Uri(href).Query.TrimStart('?').Split('&').Single(p => p.StartsWith("start=", StringComparison.Ordinal))["start=".Length..];

        // A chat with a case under way cannot take another one over; the code stays unused.
        await _telegram.WaitUntilAsync(t => Said(t, BusyCustomer, "Has WhatsApp already unblocked the number?"), "the other customer's case in Telegram");
        _telegram.Enqueue(Updates.Text(BusyCustomer, BusyCustomer, "/start " + code, "en"));
        await _telegram.WaitUntilAsync(t => Said(t, BusyCustomer, "This chat already has a request of yours under way"), "the refusal for a busy chat");
        // A start with another deep-link parameter was an ordinary start, not a used-up link.
        Assert.DoesNotContain(_telegram.SentTo(BusyCustomer), m => m.Text.Contains("already been used", StringComparison.Ordinal));

        // Telegram opens the bot with "/start <code>" from the visitor's chat.
        _telegram.Enqueue(Updates.Text(Visitor, Visitor, "/start " + code, "en"));
        await _telegram.WaitUntilAsync(t => Said(t, Visitor, "your conversation from the website continues here"), "the handover's confirmation in Telegram");

        // The case is the Telegram customer's now: /status there knows the line.
        _telegram.Enqueue(Updates.Text(Visitor, Visitor, "/status", "en"));
        await _telegram.WaitUntilAsync(t => Said(t, Visitor, "Sales"), "the moved case in /status");

        await _telegram.WaitUntilAsync(t => Said(t, Visitor, "The chats-only period is over."), "the chats-only reminder in Telegram");
        await Assertions.Expect(page.GetByText("The chats-only period is over.")).ToHaveCountAsync(0);

        // The link works once: someone else following it starts afresh.
        _telegram.Enqueue(Updates.Text(Stranger, Stranger, "/start " + code, "en"));
        await _telegram.WaitUntilAsync(t => Said(t, Stranger, "This link has already been used or has expired"), "the refusal of a used link");
        Assert.DoesNotContain(_telegram.SentTo(Stranger), m => m.Text.Contains("Sales", StringComparison.Ordinal));
    }

    private static bool Said(FakeBotApi telegram, long chat, string text) =>
        telegram.SentTo(chat).Any(m => m.Text.Contains(text, StringComparison.Ordinal));

}
