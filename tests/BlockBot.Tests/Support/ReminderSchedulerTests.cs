using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Events;
using BlockBot.Support.Reminders;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Quartz;

namespace BlockBot.Tests.Support;

/// <summary>Reminders on a real Quartz scheduler driven by a fake clock.</summary>
public sealed class ReminderSchedulerTests : IAsyncLifetime
{
    private static readonly CustomerId Customer = SupportHarness.Customer;
    private SupportHarness _harness = null!;

    private ReminderScheduler Reminders => _harness.Get<ReminderScheduler>();

    public async Task InitializeAsync() => _harness = await SupportHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task A_reminder_fires_when_time_passes_its_due_date()
    {
        var due = await Reminders.ScheduleAsync(7, Customer, EventNames.AppealFollowUp, default);

        Assert.Equal(SupportHarness.Start.AddDays(1), due);
        Assert.Equal(new UpcomingReminder(EventNames.AppealFollowUp, due), await Reminders.NextAsync(7, default));
        Assert.Empty(_harness.Events.Calls);

        _harness.Time.Advance(TimeSpan.FromDays(1));
        var call = await _harness.Events.NextCallAsync();

        Assert.Equal((Customer, EventNames.AppealFollowUp), (call.Customer, call.Event));
        Assert.Empty(call.Values);
    }

    [Fact]
    public async Task A_reminder_due_long_ago_fires_at_once()
    {
        await Reminders.ScheduleAsync(7, Customer, EventNames.ChatsOnlyEnd, default);

        _harness.Time.Advance(TimeSpan.FromDays(10));

        Assert.Equal(EventNames.ChatsOnlyEnd, (await _harness.Events.NextCallAsync()).Event);
    }

    [Fact]
    public async Task Scheduling_the_same_reminder_again_replaces_it()
    {
        await Reminders.ScheduleAsync(7, Customer, EventNames.PhoneOnlyEnd, default);
        _harness.Time.Advance(TimeSpan.FromHours(5));

        var due = await Reminders.ScheduleAsync(7, Customer, EventNames.PhoneOnlyEnd, default);

        Assert.Equal(SupportHarness.Start.AddHours(5).AddDays(3), due);
        Assert.Equal(new UpcomingReminder(EventNames.PhoneOnlyEnd, due), await Reminders.NextAsync(7, default));
        Assert.Single(await _harness.Scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(ReminderScheduler.GroupOf(7)), default));
    }

    [Fact]
    public async Task A_reminder_stored_again_after_the_look_for_it_is_replaced_not_failed()
    {
        await Reminders.ScheduleAsync(7, Customer, EventNames.PhoneOnlyEnd, default);
        _harness.Time.Advance(TimeSpan.FromHours(5));
        // A retry brings the job back between the look and the insert: the look saw none.
        var lookedTooEarly = new ReminderScheduler(
            _harness.Get<ISchedulerFactory>(),
            new NoJobStored(),
            _harness.Get<IOptions<PeriodsOptions>>(),
            _harness.Time,
            NullLogger<ReminderScheduler>.Instance);

        var due = await lookedTooEarly.ScheduleAsync(7, Customer, EventNames.PhoneOnlyEnd, default);

        Assert.Equal(SupportHarness.Start.AddHours(5).AddDays(3), due);
        Assert.Equal(new UpcomingReminder(EventNames.PhoneOnlyEnd, due), await Reminders.NextAsync(7, default));
        Assert.Single(await _harness.Scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(ReminderScheduler.GroupOf(7)), default));
    }

    [Fact]
    public async Task The_next_reminder_is_the_earliest_of_the_case()
    {
        await Reminders.ScheduleAsync(7, Customer, EventNames.PhoneOnlyEnd, default);
        await Reminders.ScheduleAsync(7, Customer, EventNames.AppealFollowUp, default);
        await Reminders.ScheduleAsync(8, Customer, EventNames.AppealFollowUp, default);

        Assert.Equal(EventNames.AppealFollowUp, (await Reminders.NextAsync(7, default))!.Event);
        Assert.Null(await Reminders.NextAsync(9, default));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_reminder_whose_turn_closed_the_case_and_then_failed_is_tried_again_not_lost(bool turnInTheJobsFlow)
    {
        await Reminders.ScheduleAsync(7, Customer, EventNames.ChatsOnlyEnd, default);
        _harness.Events.FailingCalls = 1;
        // The reminder's turn runs close_case, which cancels the case's reminders, and then is not saved. A channel may
        // run the turn outside the job's async flow, where the reminder's own job is not told apart and goes too.
        _harness.Events.BeforeFailing = turnInTheJobsFlow ? () => Reminders.CancelAllAsync(7, default) : CancelOutsideTheJobsFlowAsync;

        _harness.Time.Advance(TimeSpan.FromDays(10));
        await _harness.Events.NextCallAsync();
        await Eventually.HoldsAsync(async () => await Reminders.NextAsync(7, default) is not null, "the retry to be scheduled");
        _harness.Time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(EventNames.ChatsOnlyEnd, (await _harness.Events.NextCallAsync()).Event);

        Task CancelOutsideTheJobsFlowAsync()
        {
            using (ExecutionContext.SuppressFlow())
            {
                return Task.Run(() => Reminders.CancelAllAsync(7, default));
            }
        }
    }

    [Fact]
    public async Task A_reminder_whose_turn_cancels_the_cases_reminders_cancels_the_others_and_comes_only_once()
    {
        await Reminders.ScheduleAsync(7, Customer, EventNames.AppealFollowUp, default);
        await Reminders.ScheduleAsync(7, Customer, EventNames.PhoneOnlyEnd, default);
        // The follow-up's turn closes the case, as close_case does.
        _harness.Events.TurnActions = () => Reminders.CancelAllAsync(7, default);

        _harness.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(EventNames.AppealFollowUp, (await _harness.Events.NextCallAsync()).Event);
        await Eventually.HoldsAsync(
            async () => (await _harness.Scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(ReminderScheduler.GroupOf(7)), default)).Count == 0,
            "the follow-up's job to be removed once its turn completed");

        _harness.Time.Advance(TimeSpan.FromDays(10));
        await _harness.StopSchedulerAsync();
        Assert.Equal([EventNames.AppealFollowUp], _harness.Events.Calls.Select(call => call.Event));
    }

    [Fact]
    public async Task Cancelled_reminders_do_not_fire()
    {
        var otherCustomer = new CustomerId("telegram", "2002");
        await Reminders.ScheduleAsync(7, Customer, EventNames.AppealFollowUp, default);
        await Reminders.ScheduleAsync(7, Customer, EventNames.PhoneOnlyEnd, default);
        await Reminders.ScheduleAsync(8, otherCustomer, EventNames.ChatsOnlyEnd, default);

        await Reminders.CancelAllAsync(7, default);

        Assert.Null(await Reminders.NextAsync(7, default));
        Assert.False(await _harness.Scheduler.Exists(ReminderScheduler.JobKeyOf(7, EventNames.AppealFollowUp), default));

        // Case 8's reminder is due last; had case 7's survived, they would have fired before it.
        _harness.Time.Advance(TimeSpan.FromDays(4));
        Assert.Equal(otherCustomer, (await _harness.Events.NextCallAsync()).Customer);
        await _harness.StopSchedulerAsync();
        Assert.DoesNotContain(_harness.Events.Calls, call => call.Customer == Customer);
    }

    private sealed class NoJobStored : IScheduledJobLookup
    {
        public Task<bool> AnyInGroupAsync(string group, string? exceptName, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task<bool> ExistsAsync(JobKey job, CancellationToken cancellationToken) => Task.FromResult(false);
    }
}
