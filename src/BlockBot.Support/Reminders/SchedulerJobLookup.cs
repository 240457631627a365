using Quartz;

namespace BlockBot.Support.Reminders;

/// <summary>
/// Asks the scheduler itself: for a store without tables to read (Quartz's in-memory store). Reminder jobs there are not
/// durable, so a stored one still has its trigger.
/// </summary>
public sealed class SchedulerJobLookup(ISchedulerFactory schedulers) : IScheduledJobLookup
{
    public async Task<bool> AnyInGroupAsync(string group, string? exceptName, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        return (await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(group), cancellationToken)).Any(job => job.Name != exceptName);
    }

    public async Task<bool> ExistsAsync(JobKey job, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        return await scheduler.Exists(job, cancellationToken);
    }
}
