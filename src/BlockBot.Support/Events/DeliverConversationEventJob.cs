using System.Text.Json;
using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Diagnostics;
using BlockBot.Support.Scheduling;
using Microsoft.Extensions.Logging;
using Quartz;

namespace BlockBot.Support.Events;

/// <summary>
/// Brings an event (a reminder, a staff decision, a staff reply) into the customer's conversation.
/// Queued events reach a customer in the order they were queued: under the customer's lock, a job first
/// delivers (and removes) any of the customer's events queued before its own. A failed dispatch is
/// retried with backoff; an unreachable customer is logged and dropped.
/// </summary>
public sealed class DeliverConversationEventJob(
    IConversationEvents events,
    EventDeliveryOrder order,
    TimeProvider time,
    SupportMetrics metrics,
    ILogger<DeliverConversationEventJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var key = context.JobDetail.Key;
        if (!EventOutbox.IsEventGroup(key.Group))
        {
            _ = await DeliverAsync(context, context.MergedJobDataMap, cancellationToken);
            return;
        }

        using var customerTurn = await order.Lock.AcquireAsync(key.Group, cancellationToken);
        await using var acrossInstances = await order.CrossInstance.AcquireAsync(EventDeliveryOrder.Scope, key.Group, cancellationToken);
        if (!await context.Scheduler.Exists(key, cancellationToken))
        {
            // A later event of this customer delivered this one first, keeping their order.
            return;
        }

        foreach (var earlier in (await context.Scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(key.Group), cancellationToken))
                     .Where(other => string.CompareOrdinal(other.Name, key.Name) < 0)
                     .OrderBy(other => other.Name, StringComparer.Ordinal))
        {
            if (await context.Scheduler.GetJobDetail(earlier, cancellationToken) is not { } detail)
            {
                continue;
            }

            if (!await TryDeliverEarlierAsync(detail, cancellationToken))
            {
                // The channel fails now: this event waits its own retry, still behind the earlier one.
                await RetryLaterAsync(context, "an earlier event of the customer could not be delivered", null);
                return;
            }

            await context.Scheduler.DeleteJob(earlier, CancellationToken.None);
        }

        if (await DeliverAsync(context, context.MergedJobDataMap, cancellationToken))
        {
            // Gone before the lock is released, so a later event of the customer cannot deliver it again.
            await context.Scheduler.DeleteJob(key, CancellationToken.None);
        }
    }

    private async Task<bool> TryDeliverEarlierAsync(IJobDetail detail, CancellationToken cancellationToken)
    {
        if (!TryRead(detail.JobDataMap, out var customer, out var eventName, out var values, out var deliveryId))
        {
            logger.LogError("Event job {JobKey} has unreadable data and is dropped", detail.Key);
            return true;
        }

        try
        {
            var delivery = await events.DispatchAsync(customer, eventName, values, deliveryId, cancellationToken);
            logger.LogInformation("Event {Event} for {Customer}, ahead of a later one: {Delivery}", eventName, customer, delivery);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Delivering event {Event} to {Customer} ahead of a later one failed", eventName, customer);
            return false;
        }
    }

    private async Task RetryLaterAsync(IJobExecutionContext context, string why, Exception? exception)
    {
        var attempt = JobRetry.Attempt(context);
        var retryAt = await JobRetry.ScheduleNextAttemptAsync(context, time);
        if (retryAt is null)
        {
            logger.LogError(exception, "Event job {JobKey} failed on attempt {Attempt}, the last one ({Why}); the event is dropped", context.JobDetail.Key, attempt, why);
        }
        else
        {
            logger.LogWarning(exception, "Event job {JobKey} failed on attempt {Attempt} ({Why}); next attempt at {RetryAt}", context.JobDetail.Key, attempt, why, retryAt);
        }
    }

    /// <returns>True when the event is finished with (delivered or dropped); false when a retry is scheduled.</returns>
    private async Task<bool> DeliverAsync(IJobExecutionContext context, JobDataMap data, CancellationToken cancellationToken)
    {
        var attempt = JobRetry.Attempt(context);
        if (!TryRead(data, out var customer, out var eventName, out var values, out var deliveryId))
        {
            logger.LogError("Event job {JobKey} has unreadable data and is dropped", context.JobDetail.Key);
            return true;
        }

        EventDelivery delivery;
        try
        {
            using var running = RunningJob.Enter(context.JobDetail.Key);
            delivery = await events.DispatchAsync(customer, eventName, values, deliveryId, cancellationToken);
        }
        catch (Exception exception)
        {
            await RetryLaterAsync(context, $"delivering {eventName} to {customer}", exception);
            return false;
        }

        switch (delivery)
        {
            case EventDelivery.Delivered:
                metrics.EventDelivered(eventName, context.FireTimeUtc - (context.ScheduledFireTimeUtc ?? context.FireTimeUtc));
                logger.LogInformation("Delivered event {Event} to {Customer} on attempt {Attempt}", eventName, customer, attempt);
                break;
            case EventDelivery.AlreadyDelivered:
                logger.LogInformation("Event {Event} for {Customer} was delivered by an earlier run of job {JobKey}", eventName, customer, context.JobDetail.Key);
                break;
            default:
                logger.LogWarning("Event {Event} for {Customer} is dropped: the customer cannot be reached", eventName, customer);
                break;
        }

        return true;
    }

    private static bool TryRead(
        JobDataMap data,
        out CustomerId customer,
        out string eventName,
        out IReadOnlyDictionary<string, string> values,
        out string? deliveryId)
    {
        customer = default;
        eventName = string.Empty;
        values = new Dictionary<string, string>();
        // Jobs queued before delivery ids existed have none: they are delivered without the check.
        deliveryId = data.GetString(ConversationEventJobs.DeliveryKey);
        try
        {
            if (!CustomerId.TryParse(data.GetString(ConversationEventJobs.CustomerKey), out customer)
                || data.GetString(ConversationEventJobs.EventKey) is not { Length: > 0 } name)
            {
                return false;
            }

            eventName = name;
            if (data.GetString(ConversationEventJobs.ValuesKey) is { Length: > 0 } json)
            {
                values = JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? new Dictionary<string, string>();
            }

            return true;
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return false;
        }
    }
}
