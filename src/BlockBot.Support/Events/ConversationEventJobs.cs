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

    /// <param name="durable">Whether the job stays stored once it has no trigger left (Quartz's <c>StoreDurably</c>).</param>
    public static IJobDetail Create(
        JobKey key, CustomerId customer, string eventName, IReadOnlyDictionary<string, string> values, string? deliveryId = null, bool durable = false) =>
        JobBuilder.Create<DeliverConversationEventJob>()
            .WithIdentity(key)
            .UsingJobData(CustomerKey, customer.Key)
            .UsingJobData(EventKey, eventName)
            .UsingJobData(ValuesKey, JsonSerializer.Serialize(values))
            .UsingJobData(DeliveryKey, deliveryId ?? Guid.NewGuid().ToString("N"))
            .RequestRecovery(true)
            .StoreDurably(durable)
            .Build();
}
