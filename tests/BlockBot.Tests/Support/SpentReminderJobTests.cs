using BlockBot.Conversation.Retention;
using BlockBot.Support.Events;
using BlockBot.Support.Reminders;
using Quartz;

namespace BlockBot.Tests.Support;

/// <summary>
/// Reminder jobs in the bot's own store (as the bot runs): a job outlives its firing (ClusteredSchedulerLockTests shows
/// the lock it spares), and the hourly pruning deletes it once it has no trigger left, leaving the case's pending
/// reminders alone.
/// </summary>
public sealed class SpentReminderJobTests : IAsyncLifetime
{
    private SupportHarness _harness = null!;

    private ReminderScheduler Reminders => _harness.Get<ReminderScheduler>();

    public async Task InitializeAsync() => _harness = await SupportHarness.StartAsync(schedulerInDatabase: true);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task A_fired_reminders_job_is_pruned_within_the_hour_and_the_cases_pending_reminder_is_kept()
    {
        await Reminders.ScheduleAsync(7, SupportHarness.Customer, EventNames.AppealFollowUp, default);
        var phoneOnlyDue = await Reminders.ScheduleAsync(7, SupportHarness.Customer, EventNames.PhoneOnlyEnd, default);
        var fired = ReminderScheduler.JobKeyOf(7, EventNames.AppealFollowUp);

        _harness.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(EventNames.AppealFollowUp, (await _harness.Events.NextCallAsync()).Event);
        await FiringCompletedAsync(fired);

        // The day's advance also let an hourly round run, before or after the firing completed: the next one comes after.
        _harness.Time.Advance(HourlyPruning.Every);

        await Eventually.HoldsAsync(async () => !await _harness.Scheduler.Exists(fired), "the fired job pruned");
        Assert.Equal([ReminderScheduler.JobKeyOf(7, EventNames.PhoneOnlyEnd)], await CaseJobsAsync(7));
        Assert.Equal(new UpcomingReminder(EventNames.PhoneOnlyEnd, phoneOnlyDue), await Reminders.NextAsync(7, default));
    }

    [Fact]
    public async Task A_reminder_scheduled_again_after_its_firing_fires_again_as_a_new_delivery()
    {
        var first = await FireOnceAsync(EventNames.AppealFollowUp);

        var due = await Reminders.ScheduleAsync(7, SupportHarness.Customer, EventNames.AppealFollowUp, default);

        Assert.Equal(new UpcomingReminder(EventNames.AppealFollowUp, due), await Reminders.NextAsync(7, default));
        _harness.Time.Advance(TimeSpan.FromDays(1));
        var again = await _harness.Events.NextCallAsync();
        Assert.Equal(EventNames.AppealFollowUp, again.Event);
        // The same delivery id would have the conversation find it delivered already, and the reminder would be lost.
        Assert.NotNull(again.DeliveryId);
        Assert.NotEqual(first.DeliveryId, again.DeliveryId);
    }

    [Fact]
    public async Task A_reminder_scheduled_again_whose_delivery_fails_is_retried_under_its_own_delivery_id()
    {
        var first = await FireOnceAsync(EventNames.AppealFollowUp);
        await Reminders.ScheduleAsync(7, SupportHarness.Customer, EventNames.AppealFollowUp, default);
        _harness.Events.FailingCalls = 1;

        _harness.Time.Advance(TimeSpan.FromDays(1));
        var failed = await _harness.Events.NextCallAsync();
        // The failed firing's trigger, due now, may still be stored: the retry is the one due later.
        UpcomingReminder? retry = null;
        await Eventually.HoldsAsync(
            async () => (retry = await Reminders.NextAsync(7, default)) is { } next && next.Due > _harness.Time.GetUtcNow(), "the retry to be scheduled");
        _harness.Time.Advance(retry!.Due - _harness.Time.GetUtcNow());
        var retried = await _harness.Events.NextCallAsync();

        Assert.Equal(EventNames.AppealFollowUp, retried.Event);
        Assert.Equal(failed.DeliveryId, retried.DeliveryId);
        Assert.NotEqual(first.DeliveryId, retried.DeliveryId);
    }

    [Fact]
    public async Task Forgetting_a_case_deletes_its_spent_reminder_jobs_at_once()
    {
        await Reminders.ScheduleAsync(7, SupportHarness.Customer, EventNames.PhoneOnlyEnd, default);
        // On PostgreSQL cancelling deletes the waiting trigger and leaves the job, spent, to the hourly pruning (ADR 0028).
        await Reminders.CancelAllAsync(7, default);

        // A spent job still holds the customer's id, which an erasure may not leave for the pruning.
        await Reminders.ForgetAllAsync(7, default);

        Assert.Empty(await CaseJobsAsync(7));
    }

    private async Task<SentEvent> FireOnceAsync(string reminderEvent)
    {
        // On time, not misfired: misfires are the misfire handler's, on its own schedule.
        var due = await Reminders.ScheduleAsync(7, SupportHarness.Customer, reminderEvent, default);
        _harness.Time.Advance(due - _harness.Time.GetUtcNow());
        var call = await _harness.Events.NextCallAsync();
        await FiringCompletedAsync(ReminderScheduler.JobKeyOf(7, reminderEvent));
        return call;
    }

    /// <summary>Quartz completes a firing after its listeners hear of it: the trigger is gone then.</summary>
    private Task FiringCompletedAsync(JobKey job) =>
        Eventually.HoldsAsync(async () => (await _harness.Scheduler.GetTriggersOfJob(job)).Count == 0, $"the firing of {job} completed");

    private async Task<IReadOnlyList<JobKey>> CaseJobsAsync(long caseId) =>
        [.. await _harness.Scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(ReminderScheduler.GroupOf(caseId)))];
}
