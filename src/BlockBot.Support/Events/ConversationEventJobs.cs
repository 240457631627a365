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

    /// <summary>A fresh id per queued event: a run of the job after a crash finds the event delivered and stops.</summary>
    public const string DeliveryKey = "delivery";

    public static IJobDetail Create(JobKey key, CustomerId customer, string eventName, IReadOnlyDictionary<string, string> values) =>
        JobBuilder.Create<DeliverConversationEventJob>()
            .WithIdentity(key)
            .UsingJobData(CustomerKey, customer.Key)
            .UsingJobData(EventKey, eventName)
            .UsingJobData(ValuesKey, JsonSerializer.Serialize(values))
            .UsingJobData(DeliveryKey, Guid.NewGuid().ToString("N"))
            .RequestRecovery(true)
            .Build();
}
