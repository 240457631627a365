using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Events;
using BlockBot.Support.Scheduling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace BlockBot.Support.Reminders;

/// <summary>
/// The procedure's waiting periods as Quartz jobs: one job per case and reminder, all of a case's in
/// the group <c>case.{id}</c>, so cancelling a case's reminders is deleting one group. Where something deletes spent
/// jobs (<see cref="ISpentReminderJobs"/>), a job outlives its firing, which then completes without Quartz's store-wide
/// lock (ADR 0025). Where something deletes waiting triggers beside Quartz (<see cref="IWaitingReminderTriggers"/>),
/// cancelling a reminder or scheduling it again takes that lock only for a trigger a firing has claimed (ADR 0028).
/// </summary>
public sealed class ReminderScheduler(
    ISchedulerFactory schedulers,
    IScheduledJobLookup jobs,
    IOptions<PeriodsOptions> periods,
    TimeProvider time,
    ILogger<ReminderScheduler> logger,
    ISpentReminderJobs? spentJobs = null,
    IWaitingReminderTriggers? waitingTriggers = null)
{
    /// <summary>What every case's group name starts with.</summary>
    public const string GroupPrefix = "case.";

    /// <summary>The reminder events <c>schedule_reminder</c> accepts.</summary>
    public static readonly IReadOnlySet<string> Events = new HashSet<string>(StringComparer.Ordinal)
    {
        EventNames.AppealFollowUp,
        EventNames.PhoneOnlyEnd,
        EventNames.ChatsOnlyEnd,
    };

    public static string GroupOf(long caseId) => $"{GroupPrefix}{caseId}";

    public static JobKey JobKeyOf(long caseId, string reminderEvent) => new($"reminder.{caseId}.{reminderEvent}", GroupOf(caseId));

    public TimeSpan PeriodOf(string reminderEvent) => reminderEvent switch
    {
        EventNames.AppealFollowUp => periods.Value.AppealFollowUp,
        EventNames.PhoneOnlyEnd => periods.Value.PhoneOnly,
        EventNames.ChatsOnlyEnd => periods.Value.ChatsOnly,
        _ => throw new ArgumentException($"'{reminderEvent}' is not a reminder; expected one of: {string.Join(", ", Events)}.", nameof(reminderEvent)),
    };

    /// <summary>Schedules the reminder one period from now, replacing the same reminder of the case if it was scheduled before.</summary>
    /// <returns>When it is due.</returns>
    public async Task<DateTimeOffset> ScheduleAsync(long caseId, CustomerId customer, string reminderEvent, CancellationToken cancellationToken)
    {
        var due = time.GetUtcNow() + PeriodOf(reminderEvent);
        var key = JobKeyOf(caseId, reminderEvent);
        var scheduler = await schedulers.GetScheduler(cancellationToken);

        var job = ConversationEventJobs.Create(key, customer, reminderEvent, new Dictionary<string, string>(), durable: spentJobs is not null);
        // The delivery id rides on the trigger, so a job stored before and given a new trigger is delivered anew.
        var trigger = OneShotTrigger.Builder(time, new TriggerKey(key.Name, key.Group), due)
            .ForJob(key)
            .UsingJobData(ConversationEventJobs.DeliveryKey, Guid.NewGuid().ToString("N"))
            .Build();
        if (!await jobs.ExistsAsync(key, cancellationToken))
        {
            await StoreAsync(scheduler, job, trigger, cancellationToken);
        }
        else if (!await TryRescheduleStoredJobAsync(scheduler, key, trigger, cancellationToken))
        {
            // Deleting first also drops retry triggers an earlier run of this reminder may have left. Like cancelling,
            // it takes Quartz's store-wide lock (on SQLite the file's write lock too).
            await scheduler.DeleteJob(key, cancellationToken);
            await StoreAsync(scheduler, job, trigger, cancellationToken);
        }

        logger.LogInformation("Scheduled reminder {Reminder} of case {CaseId} for {Due}", reminderEvent, caseId, due);
        return due;
    }

    private static async Task StoreAsync(IScheduler scheduler, IJobDetail job, ITrigger trigger, CancellationToken cancellationToken)
    {
        try
        {
            await scheduler.ScheduleJob(job, trigger, default, cancellationToken);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Stored since the look for it, by a failed delivery's retry bringing the job back (JobRetry).
            await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
        }
    }

    /// <summary>
    /// Gives the stored job the new trigger in place of its waiting ones, without Quartz's store-wide lock: false when a
    /// trigger of the job is claimed by a firing or otherwise not waiting, or the job went meanwhile.
    /// </summary>
    private async Task<bool> TryRescheduleStoredJobAsync(IScheduler scheduler, JobKey key, ITrigger trigger, CancellationToken cancellationToken)
    {
        if (waitingTriggers is null || (await waitingTriggers.DeleteAsync(key.Group, key.Name, null, cancellationToken)).Left > 0)
        {
            return false;
        }

        try
        {
            // A plain insert of the trigger row (LockOnInsert is off where IWaitingReminderTriggers is registered).
            await scheduler.ScheduleJob(trigger, default, cancellationToken);
            return true;
        }
        catch (JobPersistenceException)
        {
            // The spent job was pruned since the look for it (ISpentReminderJobs), or a retry stored a trigger meanwhile.
            return false;
        }
    }

    /// <summary>
    /// Deletes the case's reminders, all but the one whose own turn cancels them (see <see cref="RunningJob"/>): Quartz
    /// removes that one when its firing completes, or keeps it for a retry if the turn fails.
    /// </summary>
    public async Task CancelAllAsync(long caseId, CancellationToken cancellationToken)
    {
        var group = GroupOf(caseId);
        var running = RunningJob.Key is { } key && key.Group == group ? key : null;
        if (waitingTriggers is not null)
        {
            var deleted = await waitingTriggers.DeleteAsync(group, null, running?.Name, cancellationToken);
            LogCancelled(deleted.Deleted, caseId);
            if (deleted.Left == 0)
            {
                return;
            }
        }
        // Deleting takes Quartz's store-wide lock, which a case with nothing else to cancel need not wait for.
        else if (!await jobs.AnyInGroupAsync(group, running?.Name, cancellationToken))
        {
            return;
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var deletedByQuartz = running is null
            ? await scheduler.DeleteJobs(GroupMatcher<JobKey>.GroupEquals(group), cancellationToken)
            : await scheduler.DeleteJobs(
                (await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(group), cancellationToken)).Where(job => !job.Equals(running)).ToList(),
                cancellationToken);
        LogCancelled(deletedByQuartz.Count, caseId);
    }

    /// <summary>
    /// Deletes every job of the case, spent ones too, through Quartz: for a customer's erasure, as a spent job still holds
    /// the customer's id until it is pruned.
    /// </summary>
    public async Task ForgetAllAsync(long caseId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var deleted = await scheduler.DeleteJobs(GroupMatcher<JobKey>.GroupEquals(GroupOf(caseId)), cancellationToken);
        if (deleted.Count > 0)
        {
            logger.LogInformation("Deleted {Count} reminder jobs of case {CaseId}", deleted.Count, caseId);
        }
    }

    private void LogCancelled(int count, long caseId)
    {
        if (count > 0)
        {
            logger.LogInformation("Cancelled {Count} reminders of case {CaseId}", count, caseId);
        }
    }

    /// <summary>The case's reminder that fires next, or null when none is pending.</summary>
    public async Task<UpcomingReminder?> NextAsync(long caseId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        UpcomingReminder? next = null;
        foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(GroupOf(caseId)), cancellationToken))
        {
            var job = await scheduler.GetJobDetail(key, cancellationToken);
            if (job?.JobDataMap.GetString(ConversationEventJobs.EventKey) is not { } reminderEvent)
            {
                continue;
            }

            foreach (var trigger in await scheduler.GetTriggersOfJob(key, cancellationToken))
            {
                if (trigger.NextFireTimeUtc is { } due && (next is null || due < next.Due))
                {
                    next = new UpcomingReminder(reminderEvent, due);
                }
            }
        }

        return next;
    }
}
