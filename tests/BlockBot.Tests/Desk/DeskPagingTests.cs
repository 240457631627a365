using BlockBot.Conversation.Abstractions;
using BlockBot.Desk.Accounts;
using BlockBot.Storage.Sql.Domain;
using BlockBot.Support.Cases;
using BlockBot.Support.Tickets;
using BlockBot.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlockBot.Tests.Desk;

/// <summary>A long queue and many lines come a page at a time; filters and a search keep to their matches across pages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DeskPagingTests(BrowserFixture browser) : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task The_queue_shows_fifty_tickets_longest_waiting_first_and_the_next_page_shows_the_following_ones()
    {
        await using var site = await DeskSite.StartAsync(_database);
        var password = await site.AddStaffAsync("Anna");
        await AddWaitingTicketsAsync(110);

        var page = await browser.NewPageAsync(site.Url);
        await DeskSite.SignInAsync(page, "Anna", password);

        await Expect(page.Locator("#queue-count")).ToHaveTextAsync("110 active");
        await Expect(page.Locator("#queue tbody tr")).ToHaveCountAsync(50);
        await Expect(page.Locator("#queue tbody tr .line").First).ToHaveTextAsync("L001");
        await Expect(page.Locator("#queue tbody tr .line").Last).ToHaveTextAsync("L050");
        await Expect(page.Locator(".pager .where")).ToHaveTextAsync("1–50 of 110, page 1 of 3");

        await page.GetByRole(AriaRole.Link, new() { Name = "Next →" }).ClickAsync();
        await Expect(page.Locator(".pager .where")).ToHaveTextAsync("51–100 of 110, page 2 of 3");
        await Expect(page.Locator("#queue tbody tr .line").First).ToHaveTextAsync("L051");
        await Expect(page.Locator("#queue tbody tr .line").Last).ToHaveTextAsync("L100");
        await Expect(page.Locator("#queue .line", new() { HasTextString = "L001" })).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "desk-queue-page-2");

        await page.GetByRole(AriaRole.Link, new() { Name = "← Previous" }).ClickAsync();
        await Expect(page.Locator("#queue tbody tr .line").First).ToHaveTextAsync("L001");
    }

    [Fact]
    public async Task A_kind_filter_keeps_to_its_tickets_on_the_next_page_and_that_page_updates_by_itself()
    {
        await using var site = await DeskSite.StartAsync(_database);
        var password = await site.AddStaffAsync("Anna");
        // Every second ticket is a VM change: 55 of them, L002 … L110.
        await AddWaitingTicketsAsync(110);

        var page = await browser.NewPageAsync(site.Url);
        await DeskSite.SignInAsync(page, "Anna", password);
        await page.GetByLabel("Kind").SelectOptionAsync(new SelectOptionValue { Label = "VM change and queue clearing" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page.Locator("#queue-count")).ToHaveTextAsync("55 active");

        await page.GetByRole(AriaRole.Link, new() { Name = "Next →" }).ClickAsync();
        await Expect(page.Locator(".pager .where")).ToHaveTextAsync("51–55 of 55, page 2 of 2");
        await Expect(page.Locator("#queue tbody tr .line")).ToHaveTextAsync(["L102", "L104", "L106", "L108", "L110"]);
        await Expect(page.Locator("#queue tbody td[data-label=Kind]")).ToHaveTextAsync(Enumerable.Repeat("VM change and queue clearing", 5));
        await page.EvaluateAsync("() => window.deskNotReloaded = true");

        // A new VM change, the newest of all, joins the end of this page without a reload.
        await new SqlTicketRepository(_database.CreateFactory()).AddAsync(Ticket("L111", TicketKind.VmChange, DateTimeOffset.UtcNow), CancellationToken.None);
        await Expect(page.Locator("#queue-count")).ToHaveTextAsync("56 active");
        await Expect(page.Locator("#queue tbody tr .line")).ToHaveTextAsync(["L102", "L104", "L106", "L108", "L110", "L111"]);
        Assert.True(await page.EvaluateAsync<bool>("() => window.deskNotReloaded === true"), "the queue page was reloaded");
    }

    [Fact]
    public async Task The_lines_page_comes_fifty_lines_a_page_and_the_search_finds_a_line_by_part_of_its_name_in_any_case()
    {
        await using var site = await DeskSite.StartAsync(_database);
        var password = await site.AddStaffAsync("Vera", StaffRole.Lead);
        var cases = new SqlCaseRepository(_database.CreateFactory());
        var now = DateTimeOffset.UtcNow;
        for (var i = 1; i <= 59; i++)
        {
            await cases.CreateAsync(Block(i.ToString(), $"Склад {i:00}", repeated: false, now.AddMinutes(-i)), CancellationToken.None);
        }

        await cases.CreateAsync(Block("60", "Продажи Москва", repeated: true, now.AddDays(-3)), CancellationToken.None);

        var page = await browser.NewPageAsync(site.Url);
        await DeskSite.SignInAsync(page, "Vera", password);
        await page.GotoAsync("/desk/lines");
        await Expect(page.Locator("#lines-count")).ToHaveTextAsync("Lines: 60");
        await Expect(page.Locator("table.lines tbody tr")).ToHaveCountAsync(50);
        await Expect(page.Locator("table.lines summary").First).ToHaveTextAsync("Склад 01");
        await page.GetByRole(AriaRole.Link, new() { Name = "Next →" }).ClickAsync();
        await Expect(page.Locator(".pager .where")).ToHaveTextAsync("51–60 of 60, page 2 of 2");
        await Expect(page.Locator("table.lines summary").Last).ToHaveTextAsync("Продажи Москва");

        await page.GetByLabel("Line name contains").FillAsync("москва");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await Expect(page.Locator("#lines-count")).ToHaveTextAsync("Lines containing “москва”: 1");
        var row = page.Locator("table.lines tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("summary")).ToHaveTextAsync("Продажи Москва");
        await Expect(row.Locator(".blocks")).ToHaveTextAsync("1 (1 repeated)");
        await Expect(page.Locator(".pager")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "desk-lines-search");

        await page.GetByLabel("Line name contains").FillAsync("нет такой");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await Expect(page.GetByText("No line name contains that.")).ToBeVisibleAsync();
    }

    /// <summary>Open tickets L001 … L<paramref name="count"/>, each waiting a minute less than the one before; odd ones queue clearings, even ones VM changes.</summary>
    private async Task AddWaitingTicketsAsync(int count)
    {
        var tickets = new SqlTicketRepository(_database.CreateFactory());
        var now = DateTimeOffset.UtcNow;
        for (var i = 1; i <= count; i++)
        {
            await tickets.AddAsync(Ticket($"L{i:000}", i % 2 == 1 ? TicketKind.QueueClearing : TicketKind.VmChange, now.AddMinutes(i - count - 1)), CancellationToken.None);
        }
    }

    private static HandoffTicket Ticket(string line, TicketKind kind, DateTimeOffset opens) => new()
    {
        Id = 0,
        Kind = kind,
        State = TicketState.Open,
        Customer = new CustomerId("telegram", line),
        CaseId = null,
        Line = line,
        CrmMarketing = false,
        Repeated = false,
        CustomerLanguage = "ru",
        CreatedAt = opens,
        OpensAt = opens,
    };

    private static BlockCase Block(string customer, string line, bool repeated, DateTimeOffset at) => new()
    {
        Id = 0,
        Customer = new CustomerId("telegram", customer),
        Line = line,
        CrmMarketing = false,
        Repeated = repeated,
        Stage = CaseStages.ClearingRequested,
        CreatedAt = at,
        UpdatedAt = at,
    };

    public void Dispose() => _database.Dispose();
}
