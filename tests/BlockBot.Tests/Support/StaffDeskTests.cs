using System.Diagnostics.Metrics;
using BlockBot.Tests.Infrastructure;
using BlockBot.Conversation;
using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Diagnostics;
using BlockBot.Support.Events;
using BlockBot.Support.Staff;
using BlockBot.Support.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BlockBot.Tests.Support;

/// <summary>Staff actions against tickets in a real SQLite file, so the compare-and-set is the real one.</summary>
public sealed class StaffDeskTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly StaffMember Anna = new("tg:501", "Anna");
    private static readonly StaffMember Boris = new("tg:502", "Boris");

    private readonly FakeTimeProvider _time = new(Now);
    private readonly RecordingStaffChat _staffChat = new();
    private readonly RecordingEventOutbox _outbox = new();
    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private TempDatabase _database = null!;
    private StaffDesk _desk = null!;

    public async Task InitializeAsync()
    {
        _database = await TempDatabase.CreateMigratedAsync();
        _desk = DeskOver(_database.Tickets);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        await _meters.DisposeAsync();
    }

    [Fact]
    public async Task Taking_a_taken_ticket_is_refused()
    {
        var ticket = await AddTicketAsync(TicketState.Open);

        var first = await _desk.TakeAsync(ticket.Id, Anna, default);
        var second = await _desk.TakeAsync(ticket.Id, Boris, default);

        Assert.True(first.Succeeded, first.Message);
        Assert.False(second.Succeeded);
        Assert.Equal($"Ticket #{ticket.Id} is already taken by Anna.", second.Message);
        var stored = await _database.Tickets.GetAsync(ticket.Id, default);
        Assert.Equal((TicketState.Taken, "Anna"), (stored!.State, stored.HandledBy));
        var sent = Assert.Single(_outbox.Sent);
        Assert.Equal((ticket.Customer, EventNames.StaffTaken, "Anna"), (sent.Customer, sent.Event, sent.Values[EventValueNames.Staff]));
        Assert.Equal([TicketState.Taken], _staffChat.Updated.Select(t => t.State));
    }

    [Fact]
    public async Task A_take_that_applied_but_was_cut_short_is_finished_when_the_same_person_presses_again()
    {
        // Anna's first press changed the ticket, then the process died before the customer or the card heard of it.
        var ticket = await AddTicketAsync(TicketState.Taken, handledBy: "Anna");

        var again = await _desk.TakeAsync(ticket.Id, Anna, default);
        var other = await _desk.TakeAsync(ticket.Id, Boris, default);

        Assert.True(again.Succeeded, again.Message);
        Assert.Equal($"You took ticket #{ticket.Id}.", again.Message);
        Assert.False(other.Succeeded);
        var sent = Assert.Single(_outbox.Sent);
        Assert.Equal((EventNames.StaffTaken, "Anna"), (sent.Event, sent.Values[EventValueNames.Staff]));
        // The id the first press would have queued it under: if it did get queued, the customer still hears it once.
        Assert.Equal([TicketEvents.DeliveryId(ticket.Id, EventNames.StaffTaken)], _outbox.DeliveryIds);
        Assert.Equal([TicketState.Taken], _staffChat.Updated.Select(t => t.State));
    }

    [Fact]
    public async Task Done_after_declined_is_refused()
    {
        var ticket = await AddTicketAsync(TicketState.Taken, handledBy: "Anna");
        var declined = await _desk.DeclineAsync(ticket.Id, Anna, "The line name does not exist", default);

        var done = await _desk.DoneAsync(ticket.Id, Boris, default);

        Assert.True(declined.Succeeded, declined.Message);
        Assert.False(done.Succeeded);
        Assert.Equal($"Ticket #{ticket.Id} was already declined by Anna.", done.Message);
        Assert.Equal(TicketState.Declined, (await _database.Tickets.GetAsync(ticket.Id, default))!.State);
        Assert.Equal([EventNames.StaffDeclined], _outbox.Sent.Select(e => e.Event));
        Assert.Equal("The line name does not exist", _outbox.Sent.Single().Values[EventValueNames.DeclineReason]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Declining_without_a_reason_is_refused(string reason)
    {
        var ticket = await AddTicketAsync(TicketState.Open);

        var result = await _desk.DeclineAsync(ticket.Id, Anna, reason, default);

        Assert.False(result.Succeeded);
        Assert.Contains("reason is required", result.Message, StringComparison.Ordinal);
        Assert.Equal(TicketState.Open, (await _database.Tickets.GetAsync(ticket.Id, default))!.State);
        Assert.Empty(_outbox.Sent);
        Assert.Empty(_staffChat.Updated);
    }

    [Fact]
    public async Task Declining_with_a_reason_over_500_characters_is_refused()
    {
        var ticket = await AddTicketAsync(TicketState.Open);

        var tooLong = await _desk.DeclineAsync(ticket.Id, Anna, new string('x', 501), default);
        var longest = await _desk.DeclineAsync(ticket.Id, Anna, new string('x', 500), default);

        Assert.False(tooLong.Succeeded);
        Assert.True(longest.Succeeded, longest.Message);
    }

    [Fact]
    public async Task Replying_to_a_done_ticket_is_refused()
    {
        var ticket = await AddTicketAsync(TicketState.Open);
        var reply = await _desk.ReplyAsync(ticket.Id, Anna, "Which line is it?", default);
        await _desk.DoneAsync(ticket.Id, Anna, default);

        var late = await _desk.ReplyAsync(ticket.Id, Anna, "One more thing", default);

        Assert.True(reply.Succeeded, reply.Message);
        Assert.False(late.Succeeded);
        Assert.StartsWith($"Ticket #{ticket.Id} is already done (by Anna).", late.Message, StringComparison.Ordinal);
        Assert.Equal([EventNames.StaffMessage, EventNames.StaffDone], _outbox.Sent.Select(e => e.Event));
        Assert.Equal("Which line is it?", _outbox.Sent.First().Values[EventValueNames.Text]);
    }

    [Fact]
    public async Task Done_records_when_the_work_was_done()
    {
        var ticket = await AddTicketAsync(TicketState.Taken, handledBy: "Anna");
        _time.Advance(TimeSpan.FromHours(5));

        var result = await _desk.DoneAsync(ticket.Id, Anna, default);

        Assert.True(result.Succeeded, result.Message);
        var stored = (await _database.Tickets.GetAsync(ticket.Id, default))!;
        Assert.Equal(Now.AddHours(5), stored.ClosedAt);
        Assert.Equal(Now.AddHours(5), stored.ClearingTime);
    }

    [Fact]
    public async Task A_scheduled_ticket_cannot_be_taken_yet()
    {
        var ticket = await AddTicketAsync(TicketState.Scheduled);

        var result = await _desk.TakeAsync(ticket.Id, Anna, default);

        Assert.False(result.Succeeded);
        Assert.Contains("scheduled to open", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_ticket_is_reported()
    {
        var result = await _desk.TakeAsync(999, Anna, default);

        Assert.False(result.Succeeded);
        Assert.Null(result.Ticket);
        Assert.Contains("#999 does not exist", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Of_two_concurrent_takes_exactly_one_wins()
    {
        for (var round = 0; round < 10; round++)
        {
            var ticket = await AddTicketAsync(TicketState.Open);
            var desk = DeskOver(new ReadTogetherTicketRepository(_database.Tickets, readers: 2));

            var results = await Task.WhenAll(
                    Task.Run(() => desk.TakeAsync(ticket.Id, Anna, default)),
                    Task.Run(() => desk.TakeAsync(ticket.Id, Boris, default)))
                .WaitAsync(TestTimeouts.Generous);

            var winner = Assert.Single(results, r => r.Succeeded);
            var loser = Assert.Single(results, r => !r.Succeeded);
            Assert.Equal($"Ticket #{ticket.Id} is already taken by {winner.Ticket!.HandledBy}.", loser.Message);
            Assert.Equal(winner.Ticket.HandledBy, (await _database.Tickets.GetAsync(ticket.Id, default))!.HandledBy);
        }

        Assert.Equal(10, _outbox.Sent.Count);
    }

    [Fact]
    public async Task Done_while_someone_takes_the_ticket_still_succeeds()
    {
        var ticket = await AddTicketAsync(TicketState.Open);
        var desk = DeskOver(new ReadTogetherTicketRepository(_database.Tickets, readers: 2));

        var results = await Task.WhenAll(
                Task.Run(() => desk.TakeAsync(ticket.Id, Anna, default)),
                Task.Run(() => desk.DoneAsync(ticket.Id, Boris, default)))
            .WaitAsync(TestTimeouts.Generous);

        // Either order is fine: take then done (both succeed), or done first (take refused). Done always happens.
        Assert.True(results[1].Succeeded, results[1].Message);
        Assert.Equal(TicketState.Done, (await _database.Tickets.GetAsync(ticket.Id, default))!.State);
    }

    private StaffDesk DeskOver(ITicketRepository tickets) =>
        new(
            tickets,
            _staffChat,
            _outbox,
            new DateDisplay(Options.Create(new ConversationOptions())),
            _time,
            new SupportMetrics(_meters.GetRequiredService<IMeterFactory>()),
            NullLogger<StaffDesk>.Instance);

    private Task<HandoffTicket> AddTicketAsync(TicketState state, string? handledBy = null) =>
        _database.Tickets.AddAsync(
            new HandoffTicket
            {
                Id = 0,
                Kind = TicketKind.QueueClearing,
                State = state,
                Customer = new CustomerId("telegram", "1001"),
                CaseId = null,
                Line = "Sales",
                CrmMarketing = false,
                Repeated = false,
                CustomerLanguage = "ru",
                CreatedAt = Now,
                OpensAt = state == TicketState.Scheduled ? Now.AddDays(2) : Now,
                HandledBy = handledBy,
            },
            default);
}
