using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Scheduling;
using Microsoft.Extensions.Logging;
using Quartz;

namespace BlockBot.Support.Events;

/// <summary>
/// Queues an event as a one-shot job in Quartz's store: it fires at once and, being stored, survives a
/// crash before delivery (the job asks for recovery).
/// </summary>
public sealed class EventOutbox(ISchedulerFactory schedulers, TimeProvider time, ILogger<EventOutbox> logger) : IEventOutbox
{
    /// <summary>The Quartz group of queued events.</summary>
    public const string Group = "events";

    public async Task EnqueueAsync(
        CustomerId customer,
        string eventName,
        IReadOnlyDictionary<string, string> values,
        CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var key = new JobKey($"event.{Guid.NewGuid():N}", Group);
        var job = ConversationEventJobs.Create(key, customer, eventName, values);
        var trigger = OneShotTrigger.Builder(time, new TriggerKey(key.Name, key.Group), time.GetUtcNow()).Build();
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions(), cancellationToken);
        logger.LogDebug("Queued event {Event} for {Customer} as {JobKey}", eventName, customer, key);
    }
}
