using System.Text.Json;
using BlockBot.Conversation.Abstractions;
using Quartz;

namespace BlockBot.Support.Events;

/// <summary>Builds <see cref="DeliverConversationEventJob"/> jobs; their data is strings only, so any job store keeps them.</summary>
internal static class ConversationEventJobs
{
    public const string CustomerKey = "customer";
    public const string EventKey = "event";
    public const string ValuesKey = "values";

    /// <summary>The event's delivery id: a run of the job after a crash, or the same event queued again, finds it delivered and stops.</summary>
    public const string DeliveryKey = "delivery";

    public static IJobDetail Create(JobKey key, CustomerId customer, string eventName, IReadOnlyDictionary<string, string> values, string? deliveryId = null) =>
        JobBuilder.Create<DeliverConversationEventJob>()
            .WithIdentity(key)
            .UsingJobData(CustomerKey, customer.Key)
            .UsingJobData(EventKey, eventName)
            .UsingJobData(ValuesKey, JsonSerializer.Serialize(values))
            .UsingJobData(DeliveryKey, deliveryId ?? Guid.NewGuid().ToString("N"))
            .RequestRecovery(true)
            .Build();
}
