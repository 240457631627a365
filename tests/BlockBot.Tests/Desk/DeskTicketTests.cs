using BlockBot.Tests.Channels.Telegram.Fake;
using BlockBot.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlockBot.Tests.Desk;

/// <summary>
/// The queue and a ticket in a real browser, with the customer and the staff group in Telegram (fake Bot API): what
/// the desk does reaches the customer and the card, and what is pressed on the card shows on the open page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DeskTicketTests(BrowserFixture browser) : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task A_new_ticket_appears_in_the_open_queue_and_take_and_done_from_the_desk_reach_the_customer_and_the_card()
    {
        await using var site = await DeskSite.StartAsync(_database);
        var password = await site.AddStaffAsync("Anna");
        var page = await browser.NewPageAsync(site.Url);
        await DeskSite.SignInAsync(page, "Anna", password);
        await Expect(page.Locator("#queue-count")).ToHaveTextAsync("0 active");
        await page.EvaluateAsync("() => window.deskNotReloaded = true");

        var card = await site.OpenClearingTicketAsync("Продажи");

        var row = page.Locator("#ticket-1");
        await Expect(row).ToContainTextAsync("Продажи");
        await Expect(row).ToContainTextAsync("Queue clearing");
        await Expect(row).ToContainTextAsync("Open");
        await Expect(page.Locator("#queue-count")).ToHaveTextAsync("1 active");
        Assert.True(await page.EvaluateAsync<bool>("() => window.deskNotReloaded === true"), "the queue page was reloaded");
        await BrowserFixture.ScreenshotAsync(page, "desk-queue");
        await BrowserFixture.ScreenshotAsync(await PhoneAsync(page, "/desk"), "desk-queue-phone");

        await row.GetByRole(AriaRole.Link, new() { Name = "#1" }).ClickAsync();
        await Expect(page.Locator("#ticket-state")).ToContainTextAsync("Open: waiting for someone to take it.");
        await Expect(page.Locator("#ticket-line")).ToHaveTextAsync("Продажи");
        await BrowserFixture.ScreenshotAsync(page, "desk-ticket");

        await page.GetByRole(AriaRole.Button, new() { Name = "Take" }).ClickAsync();
        await Expect(page.Locator("#outcome")).ToHaveTextAsync("You took the ticket; the customer is told.");
        await Expect(page.Locator("#ticket-state")).ToContainTextAsync("Taken by Anna.");
        await site.Chat.NextAsync(Expected.Text("event_staff_taken"));
        await site.Fake.WaitUntilAsync(f => f.Edits(card.MessageId).Any(c => FakeBotApi.Shown(c).Contains("taken by Anna", StringComparison.Ordinal)), "the card to show Anna took it");
        await BrowserFixture.ScreenshotAsync(await PhoneAsync(page, "/desk/tickets/1"), "desk-ticket-phone");

        await page.GetByRole(AriaRole.Textbox, new() { Name = "Reply to the customer" }).FillAsync("Чистим очередь, 10 минут");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(page.Locator("#outcome")).ToHaveTextAsync("Your reply is on its way to the customer.");
        await site.Chat.NextAsync(Expected.Text("staff_message").Containing("Чистим очередь, 10 минут"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Expect(page.Locator("#outcome")).ToHaveTextAsync("The ticket is done; the customer is told.");
        await Expect(page.Locator("#ticket-state")).ToContainTextAsync("Done by Anna.");
        await site.Chat.NextAsync("blocked", "cleared");
        await site.Fake.WaitUntilAsync(f => f.Edits(card.MessageId).Any(c => FakeBotApi.Shown(c).Contains("done by Anna", StringComparison.Ordinal)), "the card to show Anna finished it");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Done" })).ToHaveCountAsync(0);

        await page.GotoAsync("/desk");
        await Expect(page.Locator("#queue-count")).ToHaveTextAsync("0 active");
    }

    [Fact]
    public async Task What_an_action_did_is_still_said_when_the_live_state_refreshed_before_the_page_came_back()
    {
        // The page's live section is fetched again on every ticket change; the change an action makes can trigger
        // that fetch between the action's answer (a redirect carrying what it did) and the page it redirects to.
        await using var site = await DeskSite.StartAsync(_database);
        var password = await site.AddStaffAsync("Anna");
        await site.OpenClearingTicketAsync("Продажи");
        var page = await browser.NewPageAsync(site.Url);
        await DeskSite.SignInAsync(page, "Anna", password);
        await page.GotoAsync("/desk/tickets/1");
        var token = await page.Locator("#ticket-live form input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        var expected = await page.Locator("#ticket-live form input[name=expected]").First.GetAttributeAsync("value");

        var requests = page.Context.APIRequest;
        var taken = await requests.PostAsync("/desk/tickets/1?handler=Take", new()
        {
            Form = requests.CreateFormData().Set("__RequestVerificationToken", token!).Set("expected", expected!),
            MaxRedirects = 0,
        });
        Assert.Equal(302, taken.Status);
        var live = await requests.GetAsync("/desk/tickets/1?handler=live");
        Assert.Equal(200, live.Status);

        await page.GotoAsync("/desk/tickets/1");
        await Expect(page.Locator("#outcome")).ToHaveTextAsync("You took the ticket; the customer is told.");
        await Expect(page.Locator("#ticket-state")).ToContainTextAsync("Taken by Anna.");
    }

    [Fact]
    public async Task A_press_on_the_card_shows_on_the_open_page_a_stale_page_changes_nothing_and_decline_tells_the_reason()
    {
        await using var site = await DeskSite.StartAsync(_database);
        var password = await site.AddStaffAsync("Anna");
        var card = await site.OpenClearingTicketAsync("Поддержка");
        var page = await browser.NewPageAsync(site.Url);
        await DeskSite.SignInAsync(page, "Anna", password);
        await page.GotoAsync("/desk/tickets/1");
        await Expect(page.Locator("#ticket-state")).ToContainTextAsync("Open");
        await page.EvaluateAsync("() => window.deskNotReloaded = true");
        // A second page without scripts never updates by itself: it still shows the ticket open when it is pressed.
        var stale = await StalePageAsync(site, password);
        await stale.GotoAsync("/desk/tickets/1");

        site.Fake.Enqueue(Updates.Press(card, Channels.Telegram.TelegramBot.StaffUser, "ticket:take:1", "Mia"));

        await Expect(page.Locator("#ticket-state")).ToContainTextAsync("Taken by Mia.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Take" })).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("() => window.deskNotReloaded === true"), "the ticket page was reloaded");
        await site.Chat.NextAsync(Expected.Text("event_staff_taken"));

        await stale.GetByRole(AriaRole.Button, new() { Name = "Take" }).ClickAsync();
        await Expect(stale.Locator("#outcome")).ToHaveTextAsync("Nothing changed: the ticket changed while your page was open. Taken by Mia.");
        await BrowserFixture.ScreenshotAsync(stale, "desk-ticket-stale");

        await page.GetByLabel("Reason for declining").FillAsync("Очередь линии уже пуста");
        await page.GetByRole(AriaRole.Button, new() { Name = "Decline" }).ClickAsync();
        await Expect(page.Locator("#outcome")).ToHaveTextAsync("The ticket is declined; the customer is told the reason.");
        await Expect(page.Locator("#ticket-state")).ToContainTextAsync("Declined by Anna: Очередь линии уже пуста");
        await site.Chat.NextAsync(Expected.Step("blocked", "declined").Containing("Причина: Очередь линии уже пуста"));
        await site.Fake.WaitUntilAsync(
            f => f.Edits(card.MessageId).Any(c => FakeBotApi.Shown(c).EndsWith("Ticket #1: declined by Anna: Очередь линии уже пуста", StringComparison.Ordinal)),
            "the card to show the decline");
        await BrowserFixture.ScreenshotAsync(page, "desk-ticket-declined");

        // The stale page, pressed again after its reload, is told the decline; the customer hears nothing more.
        await stale.ReloadAsync();
        await Expect(stale.Locator("#ticket-state")).ToContainTextAsync("Declined by Anna");
        await Expect(stale.GetByRole(AriaRole.Button, new() { Name = "Done" })).ToHaveCountAsync(0);
    }

    private static async Task<IPage> PhoneAsync(IPage page, string path)
    {
        var phone = await BrowserFixture.PhonePageAsync(page);
        await phone.GotoAsync(path);
        return phone;
    }

    private async Task<IPage> StalePageAsync(DeskSite site, string password)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.Url, Locale = "en-GB", JavaScriptEnabled = false });
        context.SetDefaultTimeout(15_000);
        var stale = await context.NewPageAsync();
        await DeskSite.SignInAsync(stale, "Anna", password);
        return stale;
    }

    public void Dispose() => _database.Dispose();
}
