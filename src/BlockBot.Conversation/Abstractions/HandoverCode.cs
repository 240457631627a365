namespace BlockBot.Conversation.Abstractions;

/// <summary>
/// A one-time code that moves a customer's conversation to another channel.
/// </summary>
/// <param name="Customer">Who the conversation belongs to now (on the transient channel).</param>
/// <param name="StateKey">The storage key of that conversation's state, which the accepting turn takes over.</param>
/// <param name="Language">The conversation's language, kept on the new channel.</param>
public sealed record HandoverCode(string Code, CustomerId Customer, string StateKey, string Language, DateTimeOffset ExpiresAt);
