using BlockBot.Conversation;
using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Cases;
using BlockBot.Support.Customers;
using BlockBot.Support.Events;
using BlockBot.Support.Reminders;
using BlockBot.Support.Tickets;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace BlockBot.Tests.Support;

/// <summary>The <c>do:</c> actions as a dialog runs them, reading and writing the saved values of docs/dialog-format.md.</summary>
public sealed class DialogActionsTests : IAsyncLifetime
{
    private static readonly CustomerId Customer = SupportHarness.Customer;
    private SupportHarness _harness = null!;

    private DateTimeOffset Now => _harness.Time.GetUtcNow();

    private DateDisplay Dates => _harness.Get<DateDisplay>();

    public async Task InitializeAsync() => _harness = await SupportHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public void Every_action_of_the_dialog_format_is_registered_once()
    {
        var names = _harness.Get<IEnumerable<IDialogAction>>().Select(a => a.Name).Order();

        Assert.Equal(
            ["cancel_reminders", "check_history", "close_case", "forget_me", "handoff", "open_case", "request_clearing", "schedule_reminder", "set_stage"],
            names);
    }

    [Fact]
    public void The_known_events_are_the_dialog_events_and_staff_message()
    {
        Assert.Equal(
            ["appeal_followup", "chats_only_end", "phone_only_end", "staff_declined", "staff_done", "staff_message", "staff_taken", "ticket_opened"],
            _harness.Get<IKnownEvents>().Names.Order());
    }

    [Fact]
    public async Task A_first_clearing_opens_at_once_and_goes_to_staff()
    {
        var values = Values(("line", " Sales "), ("crm", "no"), ("repeated", "yes"));

        await RunAsync("open_case", values);
        await RunAsync("request_clearing", values, ("kind", "queue_clearing"));

        Assert.Equal("opened", values["clearing"]);
        Assert.Equal(Dates.Format(Now, "ru"), values["clearing_date"]);
        var ticket = (await _harness.Database.Tickets.GetAsync(long.Parse(values["ticket_id"], System.Globalization.CultureInfo.InvariantCulture), default))!;
        Assert.Equal(
            (TicketKind.QueueClearing, TicketState.Open, "Sales", (bool?)false, (bool?)true, long.Parse(values["case_id"], System.Globalization.CultureInfo.InvariantCulture), "card-1"),
            (ticket.Kind, ticket.State, ticket.Line, ticket.CrmMarketing, ticket.Repeated, ticket.CaseId!.Value, ticket.StaffMessageRef));
        Assert.Equal(ticket.Id, Assert.Single(_harness.StaffChat.Posted).Id);
    }

    [Fact]
    public async Task A_clearing_too_soon_is_scheduled_and_opens_by_itself_at_its_date()
    {
        await AddDoneClearingAsync("sales", doneAt: Now.AddDays(-2));
        var values = Values(("line", "Sales"), ("crm", "yes"), ("repeated", "no"));
        await RunAsync("open_case", values);

        await RunAsync("request_clearing", values, ("kind", "vm_change"));
        await RunAsync("cancel_reminders", values);

        Assert.Equal("scheduled", values["clearing"]);
        Assert.Equal(Dates.Format(Now.AddDays(3), "ru"), values["clearing_date"]);
        Assert.Empty(_harness.StaffChat.Posted);

        _harness.Time.Advance(TimeSpan.FromDays(3));
        var opened = await _harness.Events.NextCallAsync();
        var posted = await _harness.StaffChat.FirstPost.WaitAsync(TestTimeouts.Generous);
        await _harness.Executions.FinishedAsync(TicketOpenings.JobKeyOf(posted.Id));

        Assert.Equal((Customer, EventNames.TicketOpened, values["ticket_id"]), (opened.Customer, opened.Event, opened.Values["ticket_id"]));
        Assert.Equal((TicketKind.VmChange, TicketState.Open), (posted.Kind, posted.State));
        var stored = (await _harness.Database.Tickets.GetAsync(posted.Id, default))!;
        Assert.Equal((TicketState.Open, "card-1"), (stored.State, stored.StaffMessageRef));
    }

    [Fact]
    public async Task Requesting_the_same_clearing_again_returns_the_active_ticket()
    {
        var values = Values(("line", "Sales"), ("crm", "no"), ("repeated", "no"));
        await RunAsync("open_case", values);
        await RunAsync("request_clearing", values, ("kind", "queue_clearing"));
        var first = values["ticket_id"];

        await RunAsync("open_case", values);
        await RunAsync("request_clearing", values, ("kind", "queue_clearing"));

        Assert.Equal(first, values["ticket_id"]);
        Assert.Equal("opened", values["clearing"]);
        Assert.Single(_harness.StaffChat.Posted);
    }

    [Fact]
    public async Task A_ticket_the_staff_chat_could_not_take_is_posted_in_the_background()
    {
        _harness.StaffChat.FailingPosts = 1;
        var values = Values(("line", "Sales"), ("crm", "no"), ("repeated", "no"));
        await RunAsync("open_case", values);

        await RunAsync("request_clearing", values, ("kind", "queue_clearing"));

        Assert.Equal("opened", values["clearing"]);
        var posted = await _harness.StaffChat.FirstPost.WaitAsync(TestTimeouts.Generous);
        await _harness.Executions.FinishedAsync(TicketOpenings.JobKeyOf(posted.Id));
        Assert.Equal("card-1", (await _harness.Database.Tickets.GetAsync(posted.Id, default))!.StaffMessageRef);
    }

    [Fact]
    public async Task Opening_a_case_closes_the_open_one_and_cancels_its_reminders()
    {
        var values = Values(("line", "Sales"));
        await RunAsync("open_case", values);
        var first = long.Parse(values["case_id"], System.Globalization.CultureInfo.InvariantCulture);
        await RunAsync("schedule_reminder", values, ("reminder", "appeal_followup"));

        await RunAsync("open_case", values);

        Assert.NotEqual(first.ToString(System.Globalization.CultureInfo.InvariantCulture), values["case_id"]);
        Assert.Equal(CaseOutcomes.Cancelled, (await _harness.Database.Cases.GetAsync(first, default))!.Outcome);
        Assert.Null(await _harness.Get<ReminderScheduler>().NextAsync(first, default));
    }

    [Fact]
    public async Task History_counts_finished_cases_of_the_line_only()
    {
        var values = Values(("line", "SALES"));
        await RunAsync("check_history", values);
        Assert.Equal(("no", ""), (values["repeated_guess"], values["previous_block"]));

        var resolved = await _harness.Database.Cases.CreateAsync(NewCase("sales ", Now.AddDays(-40)), default);
        await _harness.Database.Cases.CloseAsync(resolved.Id, CaseOutcomes.Resolved, Now.AddDays(-35), default);
        await _harness.Database.Cases.CreateAsync(NewCase("Sales", Now.AddDays(-3)), default); // cancelled by the next one
        await _harness.Database.Cases.CreateAsync(NewCase("Sales", Now.AddDays(-1)), default); // the open one

        await RunAsync("check_history", values, language: "en");

        Assert.Equal(("yes", Dates.Format(Now.AddDays(-40), "en")), (values["repeated_guess"], values["previous_block"]));
    }

    [Fact]
    public async Task Stage_reminder_and_close_follow_the_case()
    {
        var values = Values(("line", "Sales"));
        await RunAsync("open_case", values);
        var caseId = long.Parse(values["case_id"], System.Globalization.CultureInfo.InvariantCulture);

        await RunAsync("set_stage", values, ("stage", "phone_only"));
        await RunAsync("schedule_reminder", values, ("reminder", "phone_only_end"));
        Assert.Equal(Dates.Format(Now.AddDays(3), "ru"), values["reminder_date"]);
        Assert.Equal(CaseStages.PhoneOnly, (await _harness.Database.Cases.GetAsync(caseId, default))!.Stage);
        // A customer who may leave the channel is offered to continue elsewhere, once per case.
        Assert.Equal([values["case_id"]], _harness.HandoverOffer.Subjects);

        await RunAsync("close_case", values, ("outcome", "resolved"));

        var closed = (await _harness.Database.Cases.GetAsync(caseId, default))!;
        Assert.Equal((CaseOutcomes.Resolved, CaseStages.Resolved), (closed.Outcome, closed.Stage));
        Assert.Null(await _harness.Get<ReminderScheduler>().NextAsync(caseId, default));
    }

    [Theory]
    [InlineData("set_stage", "stage", "somewhere", "stage: 'somewhere'")]
    [InlineData("request_clearing", "kind", "general_question", "kind: 'general_question'")]
    [InlineData("schedule_reminder", "reminder", "tomorrow", "reminder: 'tomorrow'")]
    [InlineData("close_case", "outcome", "done", "outcome: 'done'")]
    public async Task A_wrong_argument_is_named_in_the_error(string action, string argument, string value, string expected)
    {
        var values = Values(("line", "Sales"), ("case_id", "1"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(action, values, (argument, value)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("open_case", "line")]
    [InlineData("check_history", "line")]
    [InlineData("cancel_reminders", "case_id")]
    [InlineData("schedule_reminder", "case_id")]
    public async Task A_missing_saved_value_is_named_in_the_error(string action, string value)
    {
        var arguments = action == "schedule_reminder" ? new[] { ("reminder", "appeal_followup") } : [];

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(action, Values(), arguments));

        Assert.Contains($"'{value}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_general_question_goes_to_staff_with_the_open_case()
    {
        var values = Values(("line", "Sales"));
        await RunAsync("open_case", values);

        await RunAsync("handoff", values, ("kind", "general_question"));

        var posted = Assert.Single(_harness.StaffChat.Posted);
        Assert.Equal(values["ticket_id"], posted.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((TicketKind.GeneralQuestion, TicketState.Open, "Sales"), (posted.Kind, posted.State, posted.Line));
    }

    [Fact]
    public async Task Status_shows_the_case_its_next_reminder_and_the_ticket()
    {
        Assert.Null(await _harness.Get<ICustomerStatusSource>().GetStatusAsync(Customer, default));
        var values = Values(("line", "Sales"), ("crm", "no"), ("repeated", "no"));
        await RunAsync("open_case", values);
        await RunAsync("set_stage", values, ("stage", "clearing_requested"));
        await RunAsync("request_clearing", values, ("kind", "queue_clearing"));
        await RunAsync("schedule_reminder", values, ("reminder", "appeal_followup"));

        var status = await _harness.Get<ICustomerStatusSource>().GetStatusAsync(Customer, default);

        Assert.Equal(
            new CustomerStatus
            {
                Line = "Sales",
                Stage = "clearing_requested",
                NextReminderKind = "appeal_followup",
                NextReminderAt = Now.AddDays(1),
                TicketId = long.Parse(values["ticket_id"], System.Globalization.CultureInfo.InvariantCulture),
                TicketState = "open",
                TicketOpensAt = Now,
            },
            status);
    }

    [Fact]
    public async Task Customer_messages_reach_staff_only_while_a_ticket_is_worked_on()
    {
        var relay = _harness.Get<IMessageRelay>();
        Assert.False(await relay.TryRelayAsync(Customer, "hello?", default));
        var values = Values();
        await RunAsync("handoff", values, ("kind", "general_question"));

        Assert.True(await relay.TryRelayAsync(Customer, "hello?", default));

        var (ticket, text) = Assert.Single(_harness.StaffChat.Relayed);
        Assert.Equal((values["ticket_id"], "hello?"), (ticket.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), text));
    }

    [Fact]
    public async Task Forget_me_withdraws_tickets_and_erases_everything()
    {
        var values = Values(("line", "Sales"), ("crm", "no"), ("repeated", "no"));
        await RunAsync("open_case", values);
        await RunAsync("request_clearing", values, ("kind", "queue_clearing"));
        var openTicket = long.Parse(values["ticket_id"], System.Globalization.CultureInfo.InvariantCulture);
        await RunAsync("request_clearing", values, ("kind", "vm_change"));
        var scheduledTicket = long.Parse(values["ticket_id"], System.Globalization.CultureInfo.InvariantCulture);
        await RunAsync("schedule_reminder", values, ("reminder", "appeal_followup"));
        var caseId = long.Parse(values["case_id"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("scheduled", values["clearing"]);

        await RunAsync("forget_me", values);

        var withdrawn = Assert.Single(_harness.StaffChat.Updated);
        Assert.Equal((openTicket, TicketState.Withdrawn), (withdrawn.Id, withdrawn.State));
        Assert.Empty(await _harness.Database.Tickets.ListForCustomerAsync(Customer, default));
        Assert.Empty(await _harness.Database.Cases.ListForCustomerAsync(Customer, default));
        Assert.Null(await _harness.Get<ReminderScheduler>().NextAsync(caseId, default));
        Assert.False(await _harness.Scheduler.Exists(TicketOpenings.JobKeyOf(scheduledTicket), default));
        Assert.Equal(Customer, Assert.Single(_harness.Directory.Deleted));
    }

    private async Task RunAsync(string action, Dictionary<string, string> values, params (string Name, string Value)[] arguments) =>
        await RunAsync(action, values, "ru", arguments);

    private async Task RunAsync(string action, Dictionary<string, string> values, string language, params (string Name, string Value)[] arguments)
    {
        var handler = _harness.Get<IEnumerable<IDialogAction>>().Single(a => a.Name == action);
        using var turn = new TurnContext(new TestAdapter(), new Activity(ActivityTypes.Message));
        var context = new DialogActionContext(
            turn,
            Customer,
            language,
            arguments.ToDictionary(a => a.Name, a => a.Value),
            values);
        await handler.ExecuteAsync(context, default);
    }

    private static Dictionary<string, string> Values(params (string Name, string Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);

    private Task<HandoffTicket> AddDoneClearingAsync(string line, DateTimeOffset doneAt) =>
        _harness.Database.Tickets.AddAsync(
            new HandoffTicket
            {
                Id = 0,
                Kind = TicketKind.QueueClearing,
                State = TicketState.Done,
                Customer = Customer,
                CaseId = null,
                Line = line,
                CrmMarketing = false,
                Repeated = false,
                CustomerLanguage = "ru",
                CreatedAt = doneAt.AddDays(-1),
                OpensAt = doneAt.AddDays(-1),
                HandledBy = "Anna",
                ClosedAt = doneAt,
                StaffMessageRef = "card-0",
            },
            default);

    private static BlockCase NewCase(string line, DateTimeOffset at) =>
        new BlockCase
        {
            Id = 0,
            Customer = Customer,
            Line = line,
            CrmMarketing = null,
            Repeated = null,
            Stage = CaseStages.Appeal,
            CreatedAt = at,
            UpdatedAt = at,
        };
}
