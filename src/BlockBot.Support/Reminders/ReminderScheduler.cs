using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Events;
using BlockBot.Support.Scheduling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace BlockBot.Support.Reminders;

/// <summary>
/// The procedure's waiting periods as Quartz jobs: one job per case and reminder, all of a case's in
/// the group <c>case.{id}</c>, so cancelling a case's reminders is deleting one group.
/// </summary>
public sealed class ReminderScheduler(
    ISchedulerFactory schedulers,
    IScheduledJobLookup jobs,
    IOptions<PeriodsOptions> periods,
    TimeProvider time,
    ILogger<ReminderScheduler> logger)
{
    /// <summary>The reminder events <c>schedule_reminder</c> accepts.</summary>
    public static readonly IReadOnlySet<string> Events = new HashSet<string>(StringComparer.Ordinal)
    {
        EventNames.AppealFollowUp,
        EventNames.PhoneOnlyEnd,
        EventNames.ChatsOnlyEnd,
    };

    public static string GroupOf(long caseId) => $"case.{caseId}";

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

        // Deleting first also drops retry triggers an earlier run of this reminder may have left. Like cancelling, it takes
        // Quartz's store-wide lock (on SQLite the file's write lock too), which a case with no reminder need not wait for.
        if (await jobs.AnyInGroupAsync(key.Group, cancellationToken))
        {
            await scheduler.DeleteJob(key, cancellationToken);
        }

        var job = ConversationEventJobs.Create(key, customer, reminderEvent, new Dictionary<string, string>());
        var trigger = OneShotTrigger.Builder(time, new TriggerKey(key.Name, key.Group), due).Build();
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);

        logger.LogInformation("Scheduled reminder {Reminder} of case {CaseId} for {Due}", reminderEvent, caseId, due);
        return due;
    }

    public async Task CancelAllAsync(long caseId, CancellationToken cancellationToken)
    {
        // Deleting takes Quartz's store-wide lock, which a case with nothing to cancel need not wait for.
        if (!await jobs.AnyInGroupAsync(GroupOf(caseId), cancellationToken))
        {
            return;
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);

        var deleted = await scheduler.DeleteJobs(GroupMatcher<JobKey>.GroupEquals(GroupOf(caseId)), cancellationToken);
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
