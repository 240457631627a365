using System.Globalization;
using Quartz;

namespace BlockBot.Support.Scheduling;

/// <summary>
/// Retries a failed job by giving it one more one-shot trigger, later by <see cref="RetryBackoff"/>. The attempt number
/// rides on the trigger, with what the failed attempt's trigger carried (a reminder's delivery id).
/// </summary>
internal static class JobRetry
{
    private const string AttemptKey = "attempt";

    public static int Attempt(IJobExecutionContext context) =>
        context.MergedJobDataMap.TryGetValue(AttemptKey, out var value)
        && int.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var attempt)
            ? attempt
            : 1;

    /// <returns>When the next attempt runs, or null when the attempts are used up.</returns>
    public static async Task<DateTimeOffset?> ScheduleNextAttemptAsync(IJobExecutionContext context, TimeProvider time)
    {
        var next = Attempt(context) + 1;
        if (RetryBackoff.DelayBefore(next) is not { } delay)
        {
            return null;
        }

        var at = time.GetUtcNow() + delay;
        var job = context.JobDetail.Key;
        var trigger = OneShotTrigger.Builder(time, new TriggerKey($"{job.Name}.attempt{next}", job.Group), at)
            .ForJob(job)
            .UsingJobData(new JobDataMap((IDictionary<string, object?>)context.Trigger.JobDataMap))
            .UsingJobData(AttemptKey, next.ToString(CultureInfo.InvariantCulture))
            .Build();

        // Not the job's token: when the host is stopping, the retry must still be stored, or the work is lost.
        try
        {
            await context.Scheduler.ScheduleJob(trigger, new ScheduleJobOptions { Replace = true }, CancellationToken.None);
        }
        catch (JobPersistenceException)
        {
            if (await context.Scheduler.Exists(job, CancellationToken.None))
            {
                throw;
            }

            // The job is gone: the attempt's own turn deleted it before it failed (a reminder's turn that schedules the
            // same reminder again, or one a channel ran outside this job's flow, where RunningJob does not reach, cancelling
            // the case's reminders), and as the turn's state was not saved, the conversation still waits for this reminder. The job comes back with its retry; its delivery id still keeps a delivery from
            // happening twice.
            await context.Scheduler.ScheduleJob(context.JobDetail, trigger, new ScheduleJobOptions { Replace = true }, CancellationToken.None);
        }

        return at;
    }
}
