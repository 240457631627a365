using System.Globalization;
using BlockBot.Support.Scheduling;
using Microsoft.Extensions.Logging;
using Quartz;

namespace BlockBot.Support.Tickets;

/// <summary>
/// Schedules <see cref="OpenScheduledTicketJob"/> for a ticket. The jobs live in their own group, not a
/// case's, so cancelling a case's reminders never cancels a clearing the customer is waiting for.
/// </summary>
public sealed class TicketOpenings(ISchedulerFactory schedulers, TimeProvider time, ILogger<TicketOpenings> logger)
{
    public const string Group = "tickets";

    public static JobKey JobKeyOf(long ticketId) => new($"ticket.{ticketId}.open", Group);

    /// <summary>Runs the opening job at <paramref name="at"/> (or at once, if that has passed), replacing an earlier schedule.</summary>
    public async Task ScheduleAsync(long ticketId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var key = JobKeyOf(ticketId);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.DeleteJob(key, cancellationToken);
        var job = JobBuilder.Create<OpenScheduledTicketJob>()
            .WithIdentity(key)
            .UsingJobData(OpenScheduledTicketJob.TicketIdKey, ticketId.ToString(CultureInfo.InvariantCulture))
            .RequestRecovery(true)
            .Build();
        var trigger = OneShotTrigger.Builder(time, new TriggerKey(key.Name, key.Group), at).Build();
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
        logger.LogInformation("Ticket {TicketId} will open at {OpensAt}", ticketId, at);
    }

    public async Task CancelAsync(long ticketId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.DeleteJob(JobKeyOf(ticketId), cancellationToken);
    }
}
