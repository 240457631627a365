using BlockBot.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlockBot.Tests.Desk;

/// <summary>Customer text is untrusted: markup in it shows as text on every page, and runs nothing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DeskEscapingTests(BrowserFixture browser) : IDisposable
{
    private const string Script = "<script>alert(1)</script>";
    private const string Image = "<img src=x onerror=alert(2)>";

    private readonly TempDatabase _database = new();

    [Fact]
    public async Task Markup_in_a_line_name_written_by_another_instance_shows_as_text_in_the_open_queue_and_on_the_ticket()
    {
        await using var site = await DeskSite.StartAsync(_database);
        var password = await site.AddStaffAsync("Anna");
        var page = await browser.NewPageAsync(site.Url);
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) => dialogs.Add(dialog.Message);
        await DeskSite.SignInAsync(page, "Anna", password);
        await Expect(page.Locator("#queue-count")).ToHaveTextAsync("0 active");

        // Written by another connection than the host's, as a second instance would: the open page learns of it all the same.
        await OutsideTickets.AddAsync(_database, Script);
        await OutsideTickets.AddAsync(_database, Image);

        await Expect(page.Locator("#ticket-1 .line")).ToHaveTextAsync(Script);
        await Expect(page.Locator("#ticket-2 .line")).ToHaveTextAsync(Image);
        await Expect(page.Locator("#queue img")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "desk-queue-escaped");

        await page.GotoAsync("/desk/tickets/2");
        await Expect(page.Locator("#ticket-line")).ToHaveTextAsync(Image);
        await Expect(page.Locator("main img")).ToHaveCountAsync(0);
        await page.GotoAsync("/desk/tickets/1");
        await Expect(page.Locator("#ticket-line")).ToHaveTextAsync(Script);
        Assert.Empty(dialogs);
    }

    public void Dispose() => _database.Dispose();
}
