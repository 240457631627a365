using BlockBot.Conversation.Abstractions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Caching.Memory;
using Newtonsoft.Json;

namespace BlockBot.Conversation.Pipeline;

/// <summary>Keeps each customer's latest ConversationReference so scheduled events and staff replies can reach them.</summary>
public sealed class ConversationReferenceRecorder(IConversationDirectory directory) : IMiddleware, IDisposable
{
    /// <summary>
    /// How many customers' last saved references are remembered, so an unchanged one is not written again. Bounded: a bot
    /// running for months must not hold every customer it ever saw; a forgotten one is only written once more.
    /// </summary>
    public const int RememberedCustomers = 10_000;

    private static readonly MemoryCacheEntryOptions OneEntry = new() { Size = 1 };

    private readonly MemoryCache _saved = new(new MemoryCacheOptions { SizeLimit = RememberedCustomers });

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (activity.Type is ActivityTypes.Message or ActivityTypes.ConversationUpdate && activity.From?.Id is { } userId)
        {
            var customer = new CustomerId(activity.ChannelId, userId);
            var reference = activity.GetConversationReference();
            reference.ActivityId = null;
            var json = JsonConvert.SerializeObject(reference);
            if (!_saved.TryGetValue(customer.Key, out string? previous) || previous != json)
            {
                await directory.SaveAsync(customer, reference, cancellationToken);
                _saved.Set(customer.Key, json, OneEntry);
            }
        }

        await next(cancellationToken);
    }

    /// <summary>Forgets the cached copy, e.g. after the customer's data was erased.</summary>
    public void Forget(CustomerId customer) => _saved.Remove(customer.Key);

    public void Dispose() => _saved.Dispose();
}
