using BlockBot.Support;
using BlockBot.Support.Events;
using BlockBot.Support.Reminders;
using BlockBot.Tests.Infrastructure;
using Dapper;
using Npgsql;
using Quartz;

namespace BlockBot.Tests.Support;

/// <summary>
/// Reminders on PostgreSQL's clustered Quartz store while another instance holds Quartz's one <c>TRIGGER_ACCESS</c> row
/// lock, as a job being deleted or replaced there does. Neither a customer's turn scheduling, rescheduling or cancelling
/// a reminder nor the firing of a due one may queue behind it.
/// </summary>
public sealed class ClusteredSchedulerLockTests : IAsyncLifetime
{
    // Scheduling and firing take milliseconds without the lock; waiting for it, they would wait until it is released.
    private static readonly TimeSpan LockWaitBound = TimeSpan.FromSeconds(5);

    private SupportHarness _harness = null!;

    private ReminderScheduler Reminders => _harness.Get<ReminderScheduler>();

    public async Task InitializeAsync() => _harness = await SupportHarness.StartAsync(schedulerInDatabase: true);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [PostgresFact]
    public async Task A_reminder_is_scheduled_while_another_instance_holds_the_trigger_lock()
    {
        await using var otherInstance = await HoldTriggerLockAsync();

        var due = await Reminders.ScheduleAsync(7, SupportHarness.Customer, EventNames.AppealFollowUp, default).WaitAsync(LockWaitBound);

        Assert.Equal(new UpcomingReminder(EventNames.AppealFollowUp, due), await Reminders.NextAsync(7, default));
    }

    [PostgresFact]
    public async Task A_due_reminder_fires_while_another_instance_holds_the_trigger_lock()
    {
        var due = await Reminders.ScheduleAsync(7, SupportHarness.Customer, EventNames.AppealFollowUp, default);
        await using var otherInstance = await HoldTriggerLockAsync();

        // On time: a misfired trigger is Quartz's misfire handler's, which does take the lock.
        _harness.Time.Advance(due - _harness.Time.GetUtcNow());
        var call = await _harness.Events.NextCallAsync().WaitAsync(LockWaitBound);

        Assert.Equal((SupportHarness.Customer, EventNames.AppealFollowUp), (call.Customer, call.Event));
    }

    [PostgresFact]
    public async Task A_reminders_firing_completes_while_another_instance_holds_the_trigger_lock()
    {
        var due = await Reminders.ScheduleAsync(7, SupportHarness.Customer, EventNames.AppealFollowUp, default);
        var job = ReminderScheduler.JobKeyOf(7, EventNames.AppealFollowUp);
        await using var otherInstance = await HoldTriggerLockAsync();

        _harness.Time.Advance(due - _harness.Time.GetUtcNow());
        await _harness.Events.NextCallAsync().WaitAsync(LockWaitBound);

        // Completing deletes the spent trigger and the firing's record; a job that went with its last trigger would wait for the lock.
        await FiringCompletedAsync(job).WaitAsync(LockWaitBound);
    }

    [PostgresFact]
    public async Task Closing_a_case_whose_reminder_has_fired_does_not_wait_for_the_trigger_lock()
    {
        await FiredAsync(EventNames.AppealFollowUp);
        await using var otherInstance = await HoldTriggerLockAsync();

        // The spent job is the hourly pruning's to delete; there is nothing left to cancel.
        await Reminders.CancelAllAsync(7, default).WaitAsync(LockWaitBound);

        Assert.Null(await Reminders.NextAsync(7, default));
    }

    [PostgresFact]
    public async Task A_reminder_whose_turn_closes_the_case_finishes_that_turn_while_another_instance_holds_the_trigger_lock()
    {
        var due = await Reminders.ScheduleAsync(7, SupportHarness.Customer, EventNames.ChatsOnlyEnd, default);
        var turnFinished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The chats-only reminder's turn closes the case, which cancels the case's reminders: only its own is left.
        _harness.Events.TurnActions = async () =>
        {
            await Reminders.CancelAllAsync(7, default);
            turnFinished.SetResult();
        };
        await using var otherInstance = await HoldTriggerLockAsync();

        _harness.Time.Advance(due - _harness.Time.GetUtcNow());

        await turnFinished.Task.WaitAsync(LockWaitBound);
    }

    [PostgresFact]
    public async Task Cancelling_a_cases_pending_reminders_does_not_wait_for_the_trigger_lock()
    {
        await Reminders.ScheduleAsync(7, SupportHarness.Customer, EventNames.AppealFollowUp, default);
        await Reminders.ScheduleAsync(7, SupportHarness.Customer, EventNames.PhoneOnlyEnd, default);
        var otherCase = await Reminders.ScheduleAsync(8, SupportHarness.Customer, EventNames.ChatsOnlyEnd, default);
        await using var otherInstance = await HoldTriggerLockAsync();

        await Reminders.CancelAllAsync(7, default).WaitAsync(LockWaitBound);

        Assert.Null(await Reminders.NextAsync(7, default));
        Assert.Equal(new UpcomingReminder(EventNames.ChatsOnlyEnd, otherCase), await Reminders.NextAsync(8, default));
        await otherInstance.DisposeAsync();
        // Case 7's reminders were due no later than case 8's; had they survived, they would have fired by then. On time,
        // not misfired: misfires are the misfire handler's, on its own schedule.
        _harness.Time.Advance(otherCase - _harness.Time.GetUtcNow());
        Assert.Equal(EventNames.ChatsOnlyEnd, (await _harness.Events.NextCallAsync()).Event);
        await _harness.StopSchedulerAsync();
        Assert.Equal([EventNames.ChatsOnlyEnd], _harness.Events.Calls.Select(call => call.Event));
    }

    [PostgresFact]
    public async Task Scheduling_a_pending_reminder_again_does_not_wait_for_the_trigger_lock()
    {
        await Reminders.ScheduleAsync(7, SupportHarness.Customer, EventNames.PhoneOnlyEnd, default);
        _harness.Time.Advance(TimeSpan.FromHours(5));
        await using var otherInstance = await HoldTriggerLockAsync();

        var due = await Reminders.ScheduleAsync(7, SupportHarness.Customer, EventNames.PhoneOnlyEnd, default).WaitAsync(LockWaitBound);

        Assert.Equal(SupportHarness.Start.AddHours(5).AddDays(3), due);
        Assert.Equal(new UpcomingReminder(EventNames.PhoneOnlyEnd, due), await Reminders.NextAsync(7, default));
        Assert.Equal(1, await CaseTriggersAsync(7));
    }

    [PostgresFact]
    public async Task Scheduling_a_fired_reminder_again_does_not_wait_for_the_trigger_lock()
    {
        await FiredAsync(EventNames.AppealFollowUp);
        await using var otherInstance = await HoldTriggerLockAsync();

        var due = await Reminders.ScheduleAsync(7, SupportHarness.Customer, EventNames.AppealFollowUp, default).WaitAsync(LockWaitBound);

        Assert.Equal(new UpcomingReminder(EventNames.AppealFollowUp, due), await Reminders.NextAsync(7, default));
        await otherInstance.DisposeAsync();
        _harness.Time.Advance(due - _harness.Time.GetUtcNow());
        Assert.Equal(EventNames.AppealFollowUp, (await _harness.Events.NextCallAsync()).Event);
    }

    [PostgresFact]
    public async Task A_reminder_that_is_not_waiting_is_still_cancelled_through_Quartz()
    {
        await Reminders.ScheduleAsync(7, SupportHarness.Customer, EventNames.AppealFollowUp, default);
        await Reminders.ScheduleAsync(7, SupportHarness.Customer, EventNames.PhoneOnlyEnd, default);
        // Paused, as a trigger a firing has claimed, is in a state only Quartz may change.
        await _harness.Scheduler.PauseJob(ReminderScheduler.JobKeyOf(7, EventNames.PhoneOnlyEnd));

        await Reminders.CancelAllAsync(7, default);

        Assert.Equal(0, await CaseTriggersAsync(7));
    }

    [PostgresFact]
    public async Task Quartz_lock_rows_are_stored_at_start_so_no_two_first_takers_race_to_insert_them()
    {
        // The loser of that race would wait Quartz's retry period on the host's clock, which this fake clock never ends.
        await using var session = new NpgsqlConnection(_harness.Database.ConnectionString);

        var locks = await session.QueryAsync<string>(
            "SELECT lock_name FROM qrtz_locks WHERE sched_name = @Scheduler ORDER BY lock_name",
            new { Scheduler = SupportServiceCollectionExtensions.SchedulerName });

        Assert.Equal(["STATE_ACCESS", "TRIGGER_ACCESS"], locks);
    }

    /// <summary>Schedules case 7's reminder, lets it fire on time, and waits until Quartz has completed the firing.</summary>
    private async Task FiredAsync(string reminderEvent)
    {
        var due = await Reminders.ScheduleAsync(7, SupportHarness.Customer, reminderEvent, default);
        _harness.Time.Advance(due - _harness.Time.GetUtcNow());
        await _harness.Events.NextCallAsync();
        await FiringCompletedAsync(ReminderScheduler.JobKeyOf(7, reminderEvent)).WaitAsync(LockWaitBound);
    }

    private async Task FiringCompletedAsync(JobKey job)
    {
        await using var session = new NpgsqlConnection(_harness.Database.ConnectionString);
        while (await session.ExecuteScalarAsync<long>(
                   "SELECT (SELECT count(*) FROM qrtz_triggers WHERE job_group = @Group AND job_name = @Name)"
                   + " + (SELECT count(*) FROM qrtz_fired_triggers WHERE job_group = @Group AND job_name = @Name)",
                   new { job.Group, job.Name }) > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    private async Task<long> CaseTriggersAsync(long caseId)
    {
        await using var session = new NpgsqlConnection(_harness.Database.ConnectionString);
        return await session.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM qrtz_triggers WHERE job_group = @Group", new { Group = ReminderScheduler.GroupOf(caseId) });
    }

    /// <summary>A session of its own holding the lock row until it is disposed (its transaction then rolls back).</summary>
    private async Task<NpgsqlConnection> HoldTriggerLockAsync()
    {
        var lockRow = new { Scheduler = SupportServiceCollectionExtensions.SchedulerName, Name = "TRIGGER_ACCESS" };
        var session = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_harness.Database.ConnectionString) { Pooling = false }.ConnectionString);
        await session.OpenAsync();
        await session.ExecuteAsync(
            "INSERT INTO qrtz_locks (sched_name, lock_name) VALUES (@Scheduler, @Name) ON CONFLICT DO NOTHING", lockRow);
        var held = await session.BeginTransactionAsync();
        await session.ExecuteAsync(
            "SELECT 1 FROM qrtz_locks WHERE sched_name = @Scheduler AND lock_name = @Name FOR UPDATE", lockRow, held);
        return session;
    }
}
