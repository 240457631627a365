using BlockBot.Conversation.Abstractions;

namespace BlockBot.Conversation.Understanding;

/// <summary>The facts when no domain provides any: only what the dialogs saved.</summary>
internal sealed class NoCustomerFacts : ICustomerFacts
{
    public Task<IReadOnlyDictionary<string, string>> GetAsync(CustomerId customer, IReadOnlyDictionary<string, string> saved, string language, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>(saved, StringComparer.Ordinal));
}
