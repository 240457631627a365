using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Engine;
using Microsoft.Extensions.Logging;

namespace BlockBot.Conversation.Proactive;

/// <summary>Finds the customer's channel and runs a proactive turn in which the engine handles the event.</summary>
public sealed class ConversationEventDispatcher(
    IConversationDirectory directory,
    IEnumerable<IProactiveAdapter> adapters,
    DialogEngine engine,
    ILogger<ConversationEventDispatcher> logger) : IConversationEvents
{
    public async Task<bool> DispatchAsync(CustomerId customer, string eventName, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var reference = await directory.FindAsync(customer, cancellationToken);
        if (reference is null)
        {
            logger.LogWarning("Event {EventName} for {Customer}: no conversation reference is stored", eventName, customer);
            return false;
        }

        var adapter = adapters.FirstOrDefault(a => a.ChannelId == reference.ChannelId);
        if (adapter is null)
        {
            logger.LogWarning("Event {EventName} for {Customer}: channel {ChannelId} is not running", eventName, customer, reference.ChannelId);
            return false;
        }

        // The adapter's error handler swallows exceptions; catch ours so the caller can retry the event.
        Exception? failure = null;
        await adapter.ContinueConversationAsync(
            reference,
            async (turn, token) =>
            {
                try
                {
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

        return true;
    }
}
