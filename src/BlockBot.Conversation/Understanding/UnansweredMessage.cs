using BlockBot.Conversation.Abstractions;

namespace BlockBot.Conversation.Understanding;

/// <summary>
/// A customer's message the bot did not understand, kept so support can add its phrasing to the questions file.
/// <see cref="Place"/> says where the customer was ("blocked/ask_line", or "start" when no dialog ran).
/// <see cref="Text"/> is the customer's own words: untrusted, escape it wherever it is shown.
/// </summary>
public sealed record UnansweredMessage(CustomerId Customer, string Language, string Place, string Text, DateTimeOffset ReceivedAt);
