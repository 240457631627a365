using BlockBot.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BlockBot.Tests.Channels.WebChat;

/// <summary>The /chat page in a real browser: Microsoft's Web Chat against the bot's own Direct Line, end to end.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebChatPageTests(BrowserFixture browser) : IAsyncLifetime, IDisposable
{
    private readonly TempDatabase _database = new();
    private WebChatBotProgram _program = null!;

    public async Task InitializeAsync()
    {
        var settings = WebChatBotProgram.Settings(_database);
        // The chats-only period in seconds, so its reminder arrives while the page is open.
        settings["BlockBot:Periods:ChatsOnly"] = "00:00:04";
        _program = await WebChatBotProgram.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await _program.DisposeAsync();
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_customer_reaches_a_clearing_hears_staff_done_live_a_reload_continues_and_the_reminder_arrives_live()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 480, Height = 860 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(_program.BaseAddress, "chat?lang=en").ToString());

        await page.SeeTextAsync("I help when WhatsApp has blocked");
        await page.PressButtonAsync("My number is blocked");
        await page.SeeTextAsync("What is the name of the Bitrix24 open line");
        await page.TypeMessageAsync("Sales");
        await page.SeeTextAsync("Was the number on this line blocked before?");
        await page.PressButtonAsync("No");
        await page.SeeTextAsync("Was a mailing sent from this number");
        await page.PressButtonAsync("No");
        await page.SeeTextAsync("Has WhatsApp already unblocked the number?");
        await page.PressButtonAsync("It's unblocked already");
        await page.SeeTextAsync("has gone to support with the line name “Sales”");

        _program.Staff.Type("/staff take 1");
        _program.Staff.Type("/staff done 1");
        // No reload: the open page hears it over its stream.
        await page.SeeTextAsync("scan the QR code");
        await BrowserFixture.ScreenshotAsync(page, "webchat-clearing-done");

        var conversationId = await KeptConversationAsync(page);
        await page.ReloadAsync();
        await page.SeeTextAsync("scan the QR code");
        Assert.Equal(conversationId, await KeptConversationAsync(page));
        // The history is there once: the transcript (not the screen reader's live region) holds the instruction once.
        await Assertions.Expect(page.GetByRole(AriaRole.Feed).Locator("p").Filter(new() { HasText = "scan the QR code" })).ToHaveCountAsync(1);

        // The same conversation goes on where it was: connected, then the chats-only reminder arrives in the open page.
        await page.PressButtonAsync("Connected");
        await page.SeeTextAsync("For the next several days after connecting, only chat");
        await page.SeeTextAsync("The chats-only period is over.");
        await BrowserFixture.ScreenshotAsync(page, "webchat-after-reload");

        // Another visitor (another browser profile) starts their own conversation and cannot read this one.
        var stranger = await (await browser.Browser.NewContextAsync()).NewPageAsync();
        await stranger.GotoAsync(new Uri(_program.BaseAddress, "chat?lang=en").ToString());
        await stranger.SeeTextAsync("I help when WhatsApp has blocked");
        var strangersConversation = await KeptConversationAsync(stranger);
        Assert.NotEqual(conversationId, strangersConversation);
        await Assertions.Expect(stranger.GetByText("Sales")).ToHaveCountAsync(0);
        var status = await stranger.EvaluateAsync<int>(
            """
            async (id) => {
              const token = JSON.parse(localStorage.getItem('blockbot.webchat')).token;
              const response = await fetch('v3/directline/conversations/' + id + '/activities', { headers: { Authorization: 'Bearer ' + token } });
              return response.status;
            }
            """,
            conversationId);
        Assert.Equal(403, status);
    }

    [Fact]
    public async Task The_page_speaks_russian_when_asked()
    {
        var page = await (await browser.Browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync(new Uri(_program.BaseAddress, "chat?lang=ru").ToString());

        await page.SeeTextAsync("Мой номер заблокирован");
        Assert.Equal("ru", await page.EvaluateAsync<string>("document.documentElement.lang"));
        await BrowserFixture.ScreenshotAsync(page, "webchat-ru");
    }

    private static Task<string> KeptConversationAsync(IPage page) =>
        page.EvaluateAsync<string>("JSON.parse(localStorage.getItem('blockbot.webchat')).conversationId");
}
