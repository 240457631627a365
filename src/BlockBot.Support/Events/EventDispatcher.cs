using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Concurrency;
using BlockBot.Support.Diagnostics;
using BlockBot.Support.Scheduling;
using Microsoft.Extensions.Logging;

namespace BlockBot.Support.Events;

/// <summary>
/// Delivers the outbox's events (staff taken, done, declined, replies, tickets opened) into customers' conversations:
/// a customer's in the order they were queued, different customers at once. Each event is delivered under the
/// customer's lock, in process and across instances, and under its delivery id, so it reaches the customer once
/// even when two instances or a restart try it again; an instance that finds another delivering to the customer leaves
/// the customer's events to it for a moment rather than wait. A failed delivery is retried with <see cref="RetryBackoff"/>,
/// the customer's later events waiting behind it; an unreachable customer's event is logged and dropped.
/// </summary>
public sealed class EventDispatcher(
    IQueuedEvents queue,
    IConversationEvents events,
    EventDeliveryOrder order,
    TimeProvider time,
    SupportMetrics metrics,
    ILogger<EventDispatcher> logger) : OrderedQueueWorker<QueuedEvent, string>(ConcurrentCustomers, logger)
{
    private const int ConcurrentCustomers = 64;

    protected override Task<IReadOnlyList<QueuedEvent>> LoadAsync(int limit, CancellationToken cancellationToken) =>
        queue.ListDueAsync(time.GetUtcNow(), limit, cancellationToken);

    protected override string KeyOf(QueuedEvent item) => item.Customer.Key;

    protected override async Task<bool> HandleAsync(QueuedEvent listed, CancellationToken cancellationToken)
    {
        var key = EventOutbox.GroupOf(listed.Customer);
        using var inProcess = await order.Lock.AcquireAsync(key, cancellationToken);
        // Both instances list the same events: waiting for the other's delivery would only find it done, while holding
        // a slot and a connection that other customers' events could use.
        await using var acrossInstances = await order.CrossInstance.TryAcquireAsync(EventDeliveryOrder.Scope, key, cancellationToken);
        if (acrossInstances is null)
        {
            LeaveToAnotherInstance(listed.Customer.Key);
            return false;
        }

        // A second look under the locks: another instance that listed the same event may have delivered it meanwhile
        // (the delivery id would stop a second delivery too, but only after a turn), or had it fail: then it waits for its
        // retry, and so do the customer's later events.
        if (await queue.FindAsync(listed.Id, cancellationToken) is not { } item)
        {
            return true;
        }

        if (item.NextAttemptAt > time.GetUtcNow())
        {
            return false;
        }

        EventDelivery delivery;
        try
        {
            delivery = await events.DispatchAsync(item.Customer, item.EventName, item.Values, item.DeliveryId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return !await PostponeAsync(item, exception);
        }

        switch (delivery)
        {
            case EventDelivery.Delivered:
                metrics.EventDelivered(item.EventName, time.GetUtcNow() - item.NextAttemptAt);
                logger.LogInformation("Delivered event {Event} to {Customer} on attempt {Attempt}", item.EventName, item.Customer, item.FailedAttempts + 1);
                break;
            case EventDelivery.AlreadyDelivered:
                logger.LogInformation("Event {Event} for {Customer} was delivered before", item.EventName, item.Customer);
                break;
            default:
                logger.LogWarning("Event {Event} for {Customer} is dropped: the customer cannot be reached", item.EventName, item.Customer);
                break;
        }

        // Not the stopping token: a delivered event left in the outbox would only be found delivered again, but costs a turn.
        await queue.RemoveAsync(item.Id, CancellationToken.None);
        return true;
    }

    /// <returns>True when a retry is due later; false when the attempts are used up and the event was dropped.</returns>
    private async Task<bool> PostponeAsync(QueuedEvent item, Exception exception)
    {
        var failed = item.FailedAttempts + 1;
        if (RetryBackoff.DelayBefore(failed + 1) is not { } delay)
        {
            logger.LogError(exception, "Delivering event {Event} to {Customer} failed on attempt {Attempt}, the last one; the event is dropped",
                item.EventName, item.Customer, failed);
            await queue.RemoveAsync(item.Id, CancellationToken.None);
            return false;
        }

        var retryAt = time.GetUtcNow() + delay;
        logger.LogWarning(exception, "Delivering event {Event} to {Customer} failed on attempt {Attempt}; next attempt at {RetryAt}",
            item.EventName, item.Customer, failed, retryAt);
        await queue.PostponeAsync(item.Id, failed, retryAt, CancellationToken.None);
        return true;
    }
}
