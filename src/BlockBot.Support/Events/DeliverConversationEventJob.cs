using System.Text.Json;
using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Scheduling;
using Microsoft.Extensions.Logging;
using Quartz;

namespace BlockBot.Support.Events;

/// <summary>
/// Brings an event (a reminder, a staff decision, a staff reply) into the customer's conversation.
/// A failed dispatch is retried with backoff; an unreachable customer is logged and dropped.
/// </summary>
public sealed class DeliverConversationEventJob(
    IConversationEvents events,
    TimeProvider time,
    ILogger<DeliverConversationEventJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var data = context.MergedJobDataMap;
        var attempt = JobRetry.Attempt(context);
        if (!TryRead(data, out var customer, out var eventName, out var values))
        {
            logger.LogError("Event job {JobKey} has unreadable data and is dropped", context.JobDetail.Key);
            return;
        }

        bool delivered;
        try
        {
            delivered = await events.DispatchAsync(customer, eventName, values, cancellationToken);
        }
        catch (Exception exception)
        {
            var retryAt = await JobRetry.ScheduleNextAttemptAsync(context, time);
            if (retryAt is null)
            {
                logger.LogError(exception, "Delivering event {Event} to {Customer} failed on attempt {Attempt}, the last one; the event is dropped",
                    eventName, customer, attempt);
            }
            else
            {
                logger.LogWarning(exception, "Delivering event {Event} to {Customer} failed on attempt {Attempt}; next attempt at {RetryAt}",
                    eventName, customer, attempt, retryAt);
            }

            return;
        }

        if (delivered)
        {
            logger.LogInformation("Delivered event {Event} to {Customer} on attempt {Attempt}", eventName, customer, attempt);
        }
        else
        {
            logger.LogWarning("Event {Event} for {Customer} is dropped: the customer cannot be reached", eventName, customer);
        }
    }

    private static bool TryRead(
        JobDataMap data,
        out CustomerId customer,
        out string eventName,
        out IReadOnlyDictionary<string, string> values)
    {
        customer = null!;
        eventName = string.Empty;
        values = new Dictionary<string, string>();
        try
        {
            if (data.GetString(ConversationEventJobs.CustomerKey) is not { } customerKey
                || data.GetString(ConversationEventJobs.EventKey) is not { Length: > 0 } name)
            {
                return false;
            }

            customer = CustomerId.Parse(customerKey);
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
