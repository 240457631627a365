using BlockBot.Conversation.Abstractions;
using BlockBot.Desk.Accounts;
using BlockBot.Conversation.Turns;
using BlockBot.Storage.Sql;
using BlockBot.Storage.Sql.Domain;
using BlockBot.Storage.Turns;
using BlockBot.Support.Events;
using BlockBot.Support.Cases;
using BlockBot.Support.Tickets;
using BlockBot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlockBot.Tests.Desk;

/// <summary>The leads' dashboard states the figures of the records in the database and draws them with Chart.js.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DeskDashboardTests(BrowserFixture browser) : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task The_dashboard_states_blocks_crm_share_times_to_done_and_taken_reminders_and_open_tickets_by_age_of_seeded_data()
    {
        await using var site = await DeskSite.StartAsync(_database);
        var password = await site.AddStaffAsync("Vera", StaffRole.Lead);
        var now = DateTimeOffset.UtcNow;
        var cases = new SqlCaseRepository(_database.CreateFactory());
        var tickets = new SqlTicketRepository(_database.CreateFactory());
        // Four blocks: CRM-marketing answered by three, "yes" by two; one of them WhatsApp refused to unblock.
        await cases.CreateAsync(Block("1", repeated: false, crm: true, now.AddMinutes(-50)), CancellationToken.None);
        await cases.CreateAsync(Block("2", repeated: true, crm: false, now.AddMinutes(-40)), CancellationToken.None);
        var refused = await cases.CreateAsync(Block("3", repeated: false, crm: true, now.AddMinutes(-30)), CancellationToken.None);
        await cases.CloseAsync(refused.Id, CaseOutcomes.Refused, now.AddMinutes(-20), CancellationToken.None);
        await cases.CreateAsync(Block("4", repeated: false, crm: null, now.AddDays(-2)), CancellationToken.None);
        // Done one, two and four hours after the hand-off: median 2 h, p90 4 h. A declined one does not count.
        // Taken 10 and 30 minutes after the hand-off, one done without being taken, one still taken after an hour:
        // median 30 min, p90 1 h (three taken tickets).
        await tickets.AddAsync(Ticket("5", TicketState.Done, now.AddHours(-5), TimeSpan.FromHours(1), TimeSpan.FromMinutes(10)), CancellationToken.None);
        await tickets.AddAsync(Ticket("6", TicketState.Done, now.AddHours(-5), TimeSpan.FromHours(2), TimeSpan.FromMinutes(30)), CancellationToken.None);
        await tickets.AddAsync(Ticket("7", TicketState.Done, now.AddHours(-5), TimeSpan.FromHours(4)), CancellationToken.None);
        await tickets.AddAsync(Ticket("8", TicketState.Declined, now.AddHours(-5), TimeSpan.FromMinutes(1)), CancellationToken.None);
        // Open for 30 minutes and 2 hours, taken for 2 days.
        await tickets.AddAsync(Ticket("9", TicketState.Open, now.AddMinutes(-30), null), CancellationToken.None);
        await tickets.AddAsync(Ticket("10", TicketState.Open, now.AddHours(-2), null), CancellationToken.None);
        await tickets.AddAsync(Ticket("11", TicketState.Taken, now.AddDays(-2), null, TimeSpan.FromHours(1)), CancellationToken.None);
        // Reminders delivered: three in the period, one 20 days ago; a staff decision is no reminder.
        var clock = new FakeTimeProvider(now.AddDays(-20));
        var factory = _database.CreateFactory();
        var turns = TempDatabase.TurnStoreOn(factory, new SqlStorage(factory, clock, NullLogger<SqlStorage>.Instance), new EventDeliveredWriter(clock));
        await DeliveredAsync(turns, "old", EventNames.AppealFollowUp);
        clock.SetUtcNow(now.AddHours(-1));
        await DeliveredAsync(turns, "r1", EventNames.AppealFollowUp);
        await DeliveredAsync(turns, "r2", EventNames.PhoneOnlyEnd);
        await DeliveredAsync(turns, "r3", EventNames.ChatsOnlyEnd);
        await DeliveredAsync(turns, "s1", EventNames.StaffTaken);

        var page = await browser.NewPageAsync(site.Url);
        await DeskSite.SignInAsync(page, "Vera", password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();

        await Expect(page.Locator("#blocks-total")).ToHaveTextAsync("4");
        await Expect(page.Locator("#crm-share")).ToHaveTextAsync("67 % (2 of 3 who answered)");
        await Expect(page.Locator("#done-times")).ToHaveTextAsync("median 2 h 0 min, p90 4 h 0 min (3 tickets)");
        await Expect(page.Locator("#taken-times")).ToHaveTextAsync("median 30 min, p90 1 h 0 min (3 tickets)");
        await Expect(page.Locator("#reminders-sent")).ToHaveTextAsync("3");
        await Expect(page.Locator("#open-by-age dd")).ToHaveTextAsync(["1", "1", "0", "1"]);
        await page.GetByText("As a table").ClickAsync();
        // Summed over the days, so a run just after midnight counts the same: first (blocks 1 and 4), repeated, refused.
        var perKind = await page.EvaluateAsync<int[]>(
            "() => [1, 2, 3].map(c => [...document.querySelectorAll('details tbody tr')].reduce((sum, row) => sum + Number(row.cells[c].textContent), 0))");
        Assert.Equal([2, 1, 1], perKind);
        Assert.True(await page.EvaluateAsync<bool>("() => Chart.getChart(document.getElementById('blocks-chart')) !== undefined && Chart.getChart(document.getElementById('age-chart')) !== undefined"));
        await BrowserFixture.ScreenshotAsync(page, "desk-dashboard");
    }

    private static BlockCase Block(string customer, bool repeated, bool? crm, DateTimeOffset at) => new()
    {
        Id = 0,
        Customer = new CustomerId("telegram", customer),
        Line = "Line " + customer,
        CrmMarketing = crm,
        Repeated = repeated,
        Stage = CaseStages.ClearingRequested,
        CreatedAt = at,
        UpdatedAt = at,
    };

    private static async Task DeliveredAsync(ITurnStore turns, string deliveryId, string eventName)
    {
        var work = new TurnUnitOfWork();
        work.Add(new EventDelivered(deliveryId, eventName));
        await turns.SaveAsync(work, CancellationToken.None);
    }

    private static HandoffTicket Ticket(string customer, TicketState state, DateTimeOffset opens, TimeSpan? took, TimeSpan? taken = null) => new()
    {
        Id = 0,
        Kind = TicketKind.GeneralQuestion,
        State = state,
        Customer = new CustomerId("telegram", customer),
        CaseId = null,
        Line = null,
        CrmMarketing = null,
        Repeated = null,
        CustomerLanguage = "ru",
        CreatedAt = opens,
        OpensAt = opens,
        HandledBy = state == TicketState.Open ? null : "Anna",
        DeclineReason = state == TicketState.Declined ? "no" : null,
        TakenAt = taken is { } toTake ? opens + toTake : null,
        ClosedAt = took is { } duration ? opens + duration : null,
    };

    public void Dispose() => _database.Dispose();
}
