using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Scheduling;
using Microsoft.Extensions.Logging;
using Quartz;

namespace BlockBot.Support.Events;

/// <summary>
/// Queues an event as a one-shot job in Quartz's store: it fires at once and, being stored, survives a
/// crash before delivery (the job asks for recovery). A customer's events share a group and their job
/// names sort in the order they were queued, so delivery can keep that order ("taken" before "done").
/// </summary>
public sealed class EventOutbox(ISchedulerFactory schedulers, TimeProvider time, ILogger<EventOutbox> logger) : IEventOutbox
{
    private const string GroupPrefix = "events.";
    private static long _sequence;

    /// <summary>The Quartz group of the customer's queued events.</summary>
    public static string GroupOf(CustomerId customer) => GroupPrefix + customer.Key;

    public static bool IsEventGroup(string group) => group.StartsWith(GroupPrefix, StringComparison.Ordinal);

    public async Task EnqueueAsync(
        CustomerId customer,
        string eventName,
        IReadOnlyDictionary<string, string> values,
        string? deliveryId,
        CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        // Clock ticks, then a process-wide counter for events queued in the same tick: names sort in queue order.
        var name = FormattableString.Invariant($"{time.GetUtcNow().UtcTicks:D19}.{Interlocked.Increment(ref _sequence):D12}.{Guid.NewGuid():N}");
        var key = new JobKey(name, GroupOf(customer));
        var job = ConversationEventJobs.Create(key, customer, eventName, values, deliveryId);
        var trigger = OneShotTrigger.Builder(time, new TriggerKey(key.Name, key.Group), time.GetUtcNow()).Build();
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions(), cancellationToken);
        logger.LogDebug("Queued event {Event} for {Customer} as {JobKey}", eventName, customer, key);
    }
}
