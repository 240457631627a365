using BlockBot.Conversation;
using BlockBot.Conversation.Abstractions;
using BlockBot.Desk.Accounts;
using BlockBot.Storage.Sql.Domain;
using BlockBot.Support.Cases;
using BlockBot.Support.Tickets;
using BlockBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlockBot.Tests.Desk;

/// <summary>The leads' lines page states each line's blocks, clearings, VM changes and the next clearing the policy allows.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DeskLinesTests(BrowserFixture browser) : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task Each_line_shows_its_counts_and_the_next_clearing_after_five_days_or_after_two_in_thirty()
    {
        await using var site = await DeskSite.StartAsync(_database);
        var password = await site.AddStaffAsync("Vera", StaffRole.Lead);
        var now = DateTimeOffset.UtcNow;
        var cases = new SqlCaseRepository(_database.CreateFactory());
        var tickets = new SqlTicketRepository(_database.CreateFactory());

        // Продажи: a first block and a repeated one, cleared two days ago: the next clearing waits for the 5-day gap.
        var sales = new CustomerId("telegram", "46");
        await cases.CreateAsync(Block(sales, "Продажи", repeated: false, now.AddDays(-10)), CancellationToken.None);
        await cases.CreateAsync(Block(sales, "продажи", repeated: true, now.AddDays(-3)), CancellationToken.None);
        await tickets.AddAsync(Ticket(sales, "Продажи", TicketKind.QueueClearing, TicketState.Done, now.AddDays(-2)), CancellationToken.None);
        // Support: a declined VM change holds no slot: a clearing is allowed now.
        var support = new CustomerId("telegram", "47");
        await cases.CreateAsync(Block(support, "Support", repeated: false, now.AddDays(-1)), CancellationToken.None);
        await tickets.AddAsync(Ticket(support, "Support", TicketKind.VmChange, TicketState.Declined, now.AddDays(-1)), CancellationToken.None);
        // Склад: a clearing and a VM change done 20 and 6 days ago: the third must wait until the first leaves the 30 days.
        var store = new CustomerId("bitrix24", "12");
        await tickets.AddAsync(Ticket(store, "Склад", TicketKind.QueueClearing, TicketState.Done, now.AddDays(-20)), CancellationToken.None);
        await tickets.AddAsync(Ticket(store, "Склад", TicketKind.VmChange, TicketState.Done, now.AddDays(-6)), CancellationToken.None);

        var page = await browser.NewPageAsync(site.Url);
        await DeskSite.SignInAsync(page, "Vera", password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Lines" }).ClickAsync();

        var dates = site.Bot.Services.GetRequiredService<DateDisplay>();
        await ExpectLineAsync(page, "Продажи", "Telegram", "2 (1 repeated)", "1", "0", dates.Format(now.AddDays(-2).AddDays(5), "en"));
        await ExpectLineAsync(page, "Support", "Telegram", "1 (0 repeated)", "0", "0", "now");
        await ExpectLineAsync(page, "Склад", "Bitrix24", "0 (0 repeated)", "1", "1", dates.Format(now.AddDays(-20).AddDays(30), "en"));
        await page.GetByText("Продажи").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "#1" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "desk-lines");
    }

    private static async Task ExpectLineAsync(IPage page, string line, string channel, string blocks, string clearings, string vmChanges, string next)
    {
        var row = page.Locator("tbody tr").Filter(new() { Has = page.Locator("summary", new() { HasTextString = line }) });
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync(channel);
        await Expect(row.Locator(".blocks")).ToHaveTextAsync(blocks);
        await Expect(row.Locator(".clearings")).ToHaveTextAsync(clearings);
        await Expect(row.Locator(".vm-changes")).ToHaveTextAsync(vmChanges);
        await Expect(row.Locator(".next-clearing")).ToHaveTextAsync(next);
    }

    private static BlockCase Block(CustomerId customer, string line, bool repeated, DateTimeOffset at) => new()
    {
        Id = 0,
        Customer = customer,
        Line = line,
        CrmMarketing = false,
        Repeated = repeated,
        Stage = CaseStages.ClearingRequested,
        CreatedAt = at,
        UpdatedAt = at,
    };

    private static HandoffTicket Ticket(CustomerId customer, string line, TicketKind kind, TicketState state, DateTimeOffset at) => new()
    {
        Id = 0,
        Kind = kind,
        State = state,
        Customer = customer,
        CaseId = null,
        Line = line,
        CrmMarketing = false,
        Repeated = false,
        CustomerLanguage = "ru",
        CreatedAt = at,
        OpensAt = at,
        HandledBy = "Anna",
        DeclineReason = state == TicketState.Declined ? "no" : null,
        ClosedAt = state is TicketState.Done or TicketState.Declined ? at : null,
    };

    public void Dispose() => _database.Dispose();
}
