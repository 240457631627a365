using System.Collections.Concurrent;
using BlockBot.Conversation.Abstractions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace BlockBot.Conversation.Pipeline;

/// <summary>Keeps each customer's latest ConversationReference so scheduled events and staff replies can reach them.</summary>
public sealed class ConversationReferenceRecorder(IConversationDirectory directory) : IMiddleware
{
    private readonly ConcurrentDictionary<string, string> _saved = new(StringComparer.Ordinal);

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (activity.Type is ActivityTypes.Message or ActivityTypes.ConversationUpdate && activity.From?.Id is { } userId)
        {
            var customer = new CustomerId(activity.ChannelId, userId);
            var reference = activity.GetConversationReference();
            reference.ActivityId = null;
            var json = JsonConvert.SerializeObject(reference);
            if (!_saved.TryGetValue(customer.Key, out var previous) || previous != json)
            {
                await directory.SaveAsync(customer, reference, cancellationToken);
                _saved[customer.Key] = json;
            }
        }

        await next(cancellationToken);
    }

    /// <summary>Forgets the cached copy, e.g. after the customer's data was erased.</summary>
    public void Forget(CustomerId customer) => _saved.TryRemove(customer.Key, out _);
}
