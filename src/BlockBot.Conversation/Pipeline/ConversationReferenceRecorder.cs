using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
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

    // Each remembered reference is kept as the first 128 bits of the SHA-256 of its JSON, not the JSON itself (~0.5 KB):
    // a changed reference is never mistaken for the saved one in practice, and the cache holds a few MB less.
    private readonly MemoryCache _saved = new(new MemoryCacheOptions { SizeLimit = RememberedCustomers });

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (activity.Type is ActivityTypes.Message or ActivityTypes.ConversationUpdate && activity.From?.Id is { } userId)
        {
            var customer = new CustomerId(activity.ChannelId, userId);
            var reference = activity.GetConversationReference();
            reference.ActivityId = null;
            var fingerprint = Fingerprint(reference);
            if (!_saved.TryGetValue(customer.Key, out UInt128 previous) || previous != fingerprint)
            {
                await directory.SaveAsync(customer, reference, cancellationToken);
                _saved.Set(customer.Key, fingerprint, OneEntry);
            }
        }

        await next(cancellationToken);
    }

    /// <summary>Forgets the cached copy, e.g. after the customer's data was erased.</summary>
    public void Forget(CustomerId customer) => _saved.Remove(customer.Key);

    public void Dispose() => _saved.Dispose();

    private static UInt128 Fingerprint(ConversationReference reference)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(MemoryMarshal.AsBytes(JsonConvert.SerializeObject(reference).AsSpan()), hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }
}
