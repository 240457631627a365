using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Engine;
using BlockBot.Conversation.Turns;
using Microsoft.Extensions.Logging;

namespace BlockBot.Conversation.Proactive;

/// <summary>
/// Finds the customer's channel and runs a proactive turn in which the engine handles the event. With a delivery id,
/// the event is delivered once: the turn checks the mark under the conversation's lock and saves it with its state.
/// </summary>
public sealed class ConversationEventDispatcher(
    IConversationDirectory directory,
    IEnumerable<IProactiveAdapter> adapters,
    DialogEngine engine,
    IDeliveredEvents delivered,
    ILogger<ConversationEventDispatcher> logger) : IConversationEvents
{
    public async Task<EventDelivery> DispatchAsync(
        CustomerId customer,
        string eventName,
        IReadOnlyDictionary<string, string> values,
        string? deliveryId,
        CancellationToken cancellationToken)
    {
        var reference = await directory.FindAsync(customer, cancellationToken);
        if (reference is null)
        {
            logger.LogWarning("Event {EventName} for {Customer}: no conversation reference is stored", eventName, customer);
            return EventDelivery.Unreachable;
        }

        var adapter = adapters.FirstOrDefault(a => a.ChannelId == reference.ChannelId);
        if (adapter is null)
        {
            logger.LogWarning("Event {EventName} for {Customer}: channel {ChannelId} is not running", eventName, customer, reference.ChannelId);
            return EventDelivery.Unreachable;
        }

        // The adapter's error handler swallows exceptions; catch ours so the caller can retry the event.
        Exception? failure = null;
        var outcome = EventDelivery.Delivered;
        // The adapter's error handler hides a failed save too: the commit tells whether the turn was saved.
        var saved = false;
        await adapter.ContinueConversationAsync(
            reference,
            async (turn, token) =>
            {
                try
                {
                    var work = turn.UnitOfWork();
                    work.OnCommitted(() => saved = true);
                    if (deliveryId is not null)
                    {
                        if (await delivered.WasDeliveredAsync(deliveryId, token))
                        {
                            outcome = EventDelivery.AlreadyDelivered;
                            logger.LogInformation("Event {EventName} for {Customer} ({DeliveryId}) was delivered before; not again", eventName, customer, deliveryId);
                            return;
                        }

                        work.Add(new EventDelivered(deliveryId, eventName));
                    }

                    await engine.HandleEventAsync(turn, eventName, values, token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failure = e;
                    throw;
                }
            },
            cancellationToken);

        if (failure is not null)
        {
            throw new InvalidOperationException($"Delivering {eventName} to {customer} failed.", failure);
        }

        if (!saved)
        {
            // The turn ran but saving it failed; the adapter's error handler logged why.
            throw new InvalidOperationException($"Delivering {eventName} to {customer} failed: the turn was not saved.");
        }

        return outcome;
    }
}
