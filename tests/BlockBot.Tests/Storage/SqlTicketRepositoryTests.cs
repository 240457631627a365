using BlockBot.Tests.Infrastructure;
using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Tickets;

namespace BlockBot.Tests.Storage;

public sealed class SqlTicketRepositoryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, 456, TimeSpan.Zero);
    private TempDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TempDatabase.CreateMigratedAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_ticket_reads_back_as_it_was_stored()
    {
        var stored = await _database.Tickets.AddAsync(
            NewTicket(new CustomerId("telegram", "1"), "Продажи", TicketState.Scheduled, TicketKind.VmChange) with
            {
                CrmMarketing = true,
                Repeated = false,
                OpensAt = Now.AddDays(3),
                StaffMessageRef = "42",
            },
            default);

        var read = await _database.Tickets.GetAsync(stored.Id, default);

        Assert.Equal(stored, read);
    }

    [Fact]
    public async Task A_state_change_applies_only_from_the_expected_state()
    {
        var ticket = await _database.Tickets.AddAsync(NewTicket(new CustomerId("telegram", "1"), "Sales", TicketState.Open), default);
        var taken = ticket with { State = TicketState.Taken, HandledBy = "Anna" };

        Assert.False(await _database.Tickets.TryChangeStateAsync(taken with { HandledBy = "Boris" }, TicketState.Scheduled, default));
        Assert.True(await _database.Tickets.TryChangeStateAsync(taken, TicketState.Open, default));
        Assert.False(await _database.Tickets.TryChangeStateAsync(taken with { HandledBy = "Boris" }, TicketState.Open, default));

        var read = (await _database.Tickets.GetAsync(ticket.Id, default))!;
        Assert.Equal(TicketState.Taken, read.State);
        Assert.Equal("Anna", read.HandledBy);
    }

    [Fact]
    public async Task The_state_change_writes_handler_reason_and_times_but_keeps_the_card()
    {
        var ticket = await _database.Tickets.AddAsync(NewTicket(new CustomerId("telegram", "1"), "Sales", TicketState.Open), default);
        await _database.Tickets.SetStaffMessageRefAsync(ticket.Id, "card-7", default);
        var declined = ticket with
        {
            State = TicketState.Declined,
            HandledBy = "Anna",
            DeclineReason = "Wrong line name",
            ClosedAt = Now.AddHours(1),
            OpensAt = Now.AddMinutes(5),
        };

        Assert.True(await _database.Tickets.TryChangeStateAsync(declined, TicketState.Open, default));

        Assert.Equal(declined with { StaffMessageRef = "card-7" }, await _database.Tickets.GetAsync(ticket.Id, default));
    }

    [Fact]
    public async Task Lists_select_by_state_customer_and_line()
    {
        var scheduled = await _database.Tickets.AddAsync(NewTicket(new CustomerId("telegram", "1"), "Sales", TicketState.Scheduled), default);
        var open = await _database.Tickets.AddAsync(NewTicket(new CustomerId("telegram", "2"), "Sales", TicketState.Open), default);
        var taken = await _database.Tickets.AddAsync(NewTicket(new CustomerId("telegram", "1"), " sales", TicketState.Taken), default);
        var done = await _database.Tickets.AddAsync(NewTicket(new CustomerId("telegram", "1"), "SALES", TicketState.Done), default);
        var question = await _database.Tickets.AddAsync(NewTicket(new CustomerId("telegram", "1"), null, TicketState.Declined, TicketKind.GeneralQuestion), default);
        await _database.Tickets.AddAsync(NewTicket(new CustomerId("telegram", "1"), "Support", TicketState.Withdrawn), default);

        Assert.Equal([scheduled.Id, open.Id, taken.Id], (await _database.Tickets.ListActiveAsync(default)).Select(t => t.Id));
        Assert.Equal([done.Id, taken.Id, scheduled.Id], (await _database.Tickets.ListForLineAsync(new CustomerId("telegram", "1"), "Sales ", default)).Select(t => t.Id));
        Assert.Contains(question.Id, (await _database.Tickets.ListForCustomerAsync(new CustomerId("telegram", "1"), default)).Select(t => t.Id));
        Assert.Equal(5, (await _database.Tickets.ListForCustomerAsync(new CustomerId("telegram", "1"), default)).Count);
    }

    [Fact]
    public async Task The_tally_counts_active_tickets_by_state_and_kind_with_the_earliest_opening()
    {
        await _database.Tickets.AddAsync(NewTicket(new CustomerId("telegram", "1"), "Sales", TicketState.Open) with { OpensAt = Now.AddMinutes(30) }, default);
        await _database.Tickets.AddAsync(NewTicket(new CustomerId("telegram", "2"), "Sales", TicketState.Open) with { OpensAt = Now.AddMinutes(10) }, default);
        await _database.Tickets.AddAsync(NewTicket(new CustomerId("telegram", "3"), null, TicketState.Taken, TicketKind.GeneralQuestion), default);
        await _database.Tickets.AddAsync(NewTicket(new CustomerId("telegram", "4"), "Sales", TicketState.Scheduled, TicketKind.VmChange) with { OpensAt = Now.AddDays(4) }, default);
        await _database.Tickets.AddAsync(NewTicket(new CustomerId("telegram", "5"), "Sales", TicketState.Done), default);
        await _database.Tickets.AddAsync(NewTicket(new CustomerId("telegram", "6"), "Sales", TicketState.Declined), default);
        await _database.Tickets.AddAsync(NewTicket(new CustomerId("telegram", "7"), "Sales", TicketState.Withdrawn), default);

        var tallies = await _database.Tickets.TallyActiveAsync(default);

        Assert.Equal(
            [
                new TicketTally(TicketState.Open, TicketKind.QueueClearing, 2, Now.AddMinutes(10)),
                new TicketTally(TicketState.Scheduled, TicketKind.VmChange, 1, Now.AddDays(4)),
                new TicketTally(TicketState.Taken, TicketKind.GeneralQuestion, 1, Now),
            ],
            tallies.OrderBy(t => t.State.ToText(), StringComparer.Ordinal));
    }

    [Fact]
    public async Task Deleting_a_customers_tickets_leaves_the_others()
    {
        await _database.Tickets.AddAsync(NewTicket(new CustomerId("telegram", "1"), "Sales", TicketState.Open), default);
        var other = await _database.Tickets.AddAsync(NewTicket(new CustomerId("telegram", "2"), "Sales", TicketState.Open), default);

        await _database.Tickets.DeleteForCustomerAsync(new CustomerId("telegram", "1"), default);

        Assert.Empty(await _database.Tickets.ListForCustomerAsync(new CustomerId("telegram", "1"), default));
        Assert.Equal([other.Id], (await _database.Tickets.ListActiveAsync(default)).Select(t => t.Id));
    }

    private static HandoffTicket NewTicket(CustomerId customer, string? line, TicketState state, TicketKind kind = TicketKind.QueueClearing) =>
        new HandoffTicket
        {
            Id = 0,
            Kind = kind,
            State = state,
            Customer = customer,
            CaseId = null,
            Line = line,
            CrmMarketing = null,
            Repeated = null,
            CustomerLanguage = "en",
            CreatedAt = Now,
            OpensAt = Now,
        };
}
