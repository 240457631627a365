using BlockBot.Conversation.Abstractions;

namespace BlockBot.Conversation.Understanding;

/// <summary>
/// What the domain knows about a customer that an answer may name (the domain's implementation lists its facts).
/// Keys are the fact names the questions file uses in <c>answer_known</c>; the engine treats them as data.
/// </summary>
public interface ICustomerFacts
{
    /// <param name="saved">What the dialogs saved in this conversation (the line the customer gave, …).</param>
    Task<IReadOnlyDictionary<string, string>> GetAsync(CustomerId customer, IReadOnlyDictionary<string, string> saved, string language, CancellationToken cancellationToken);
}
