using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Transcripts;
using BlockBot.Tests.Channels.Telegram.Fake;
using BlockBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlockBot.Tests.Desk;

/// <summary>The ticket page shows the customer's conversation up to now, as text; /forget takes it off the desk.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DeskTranscriptTests(BrowserFixture browser) : IDisposable
{
    private const string HostileLine = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task The_ticket_shows_the_conversation_in_order_as_text_and_forget_removes_it_from_the_desk()
    {
        await using var site = await DeskSite.StartAsync(_database);
        var password = await site.AddStaffAsync("Anna");
        await site.OpenClearingTicketAsync(HostileLine);
        var page = await browser.NewPageAsync(site.Url);
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };
        await DeskSite.SignInAsync(page, "Anna", password);

        await page.GotoAsync("/desk/tickets/1");

        var lines = page.Locator("#transcript li");
        await Expect(lines.First).ToContainTextAsync("/start");
        var said = await page.Locator("#transcript li .said").AllInnerTextsAsync();
        var customerSaid = await page.Locator("#transcript li.in .said").AllInnerTextsAsync();
        Assert.Equal(["/start", "blocked", HostileLine, "no", "no", "unblocked"], customerSaid);
        Assert.True(said.Count > customerSaid.Count + 5, $"only {said.Count} lines: the bot's replies are missing");
        var lineAt = IndexOf(said, HostileLine);
        Assert.True(lineAt > 0 && said[lineAt - 1].Length > 0 && !customerSaid.Contains(said[lineAt - 1]), "the customer's line name does not follow the bot's question");
        Assert.Equal(0, await page.Locator("#transcript img").CountAsync());
        Assert.Equal(0, dialogs);
        await BrowserFixture.ScreenshotAsync(page, "desk-ticket-transcript");
        // Longer than its panel, the conversation opens at its newest message.
        Assert.True(await page.EvaluateAsync<bool>("() => { const t = document.getElementById('transcript'); return t.scrollHeight > t.clientHeight; }"), "the conversation fits its panel");
        await page.WaitForFunctionAsync("() => { const t = document.getElementById('transcript'); return t.scrollTop > 0 && t.scrollTop + t.clientHeight >= t.scrollHeight - 2; }");
        // On a phone, what the dialog collected comes before the conversation.
        var phone = await BrowserFixture.PhonePageAsync(page);
        await phone.GotoAsync("/desk/tickets/1");
        var facts = await phone.GetByRole(AriaRole.Heading, new() { Name = "What the dialog collected" }).BoundingBoxAsync();
        var conversation = await phone.GetByRole(AriaRole.Heading, new() { Name = "Conversation" }).BoundingBoxAsync();
        Assert.True(facts!.Y < conversation!.Y, $"on a phone the facts are at {facts.Y}, below the conversation at {conversation.Y}");
        await BrowserFixture.ScreenshotAsync(phone, "desk-ticket-transcript-phone");

        site.Fake.Enqueue(Updates.Text(DeskSite.Customer, DeskSite.Customer, "/forget"));
        var confirm = await site.Chat.NextAsync("forget", "confirm", "yes", "no");
        site.Fake.Enqueue(Updates.Press(confirm, DeskSite.Customer, "yes"));
        await site.Chat.NextAsync("forget", "erased");

        var response = await page.GotoAsync("/desk/tickets/1");
        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("#outcome")).ToContainTextAsync("There is no such ticket");
        await Expect(page.Locator("#transcript")).ToHaveCountAsync(0);
        var kept = await site.Bot.Services.GetRequiredService<ITranscriptReader>()
            .ListForCustomerAsync(new CustomerId("telegram", DeskSite.Customer.ToString(System.Globalization.CultureInfo.InvariantCulture)), 10, null, default);
        Assert.Empty(kept);
    }

    private static int IndexOf(IReadOnlyList<string> lines, string text)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] == text)
            {
                return i;
            }
        }

        return -1;
    }

    public void Dispose() => _database.Dispose();
}
