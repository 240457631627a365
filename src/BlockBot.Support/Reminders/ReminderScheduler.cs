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
/// lock (ADR 0025).
/// </summary>
public sealed class ReminderScheduler(
    ISchedulerFactory schedulers,
    IScheduledJobLookup jobs,
    IOptions<PeriodsOptions> periods,
    TimeProvider time,
    ILogger<ReminderScheduler> logger,
    ISpentReminderJobs? spentJobs = null)
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

        // Deleting first also drops retry triggers an earlier run of this reminder may have left. Like cancelling and
        // replacing, it takes Quartz's store-wide lock (on SQLite the file's write lock too), which scheduling a reminder
        // not scheduled before need not wait for.
        if (await jobs.ExistsAsync(key, cancellationToken))
        {
            await scheduler.DeleteJob(key, cancellationToken);
        }

        var job = ConversationEventJobs.Create(key, customer, reminderEvent, new Dictionary<string, string>(), durable: spentJobs is not null);
        var trigger = OneShotTrigger.Builder(time, new TriggerKey(key.Name, key.Group), due).Build();
        try
        {
            await scheduler.ScheduleJob(job, trigger, default, cancellationToken);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Stored since the look above, by a failed delivery's retry bringing the job back (JobRetry).
            await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
        }

        logger.LogInformation("Scheduled reminder {Reminder} of case {CaseId} for {Due}", reminderEvent, caseId, due);
        return due;
    }

    /// <summary>
    /// Deletes the case's reminders, all but the one whose own turn cancels them (see <see cref="RunningJob"/>): Quartz
    /// removes that one when its firing completes, or keeps it for a retry if the turn fails.
    /// </summary>
    public async Task CancelAllAsync(long caseId, CancellationToken cancellationToken)
    {
        var group = GroupOf(caseId);
        var running = RunningJob.Key is { } key && key.Group == group ? key : null;
        // Deleting takes Quartz's store-wide lock, which a case with nothing else to cancel need not wait for.
        if (!await jobs.AnyInGroupAsync(group, running?.Name, cancellationToken))
        {
            return;
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var deleted = running is null
            ? await scheduler.DeleteJobs(GroupMatcher<JobKey>.GroupEquals(group), cancellationToken)
            : await scheduler.DeleteJobs(
                (await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(group), cancellationToken)).Where(job => !job.Equals(running)).ToList(),
                cancellationToken);
        if (deleted.Count > 0)
        {
            logger.LogInformation("Cancelled {Count} reminders of case {CaseId}", deleted.Count, caseId);
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
