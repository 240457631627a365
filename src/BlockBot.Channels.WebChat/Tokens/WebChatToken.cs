namespace BlockBot.Channels.WebChat.Tokens;

/// <summary>What a verified token says: the one conversation it grants, what for, and when it was issued and ends.</summary>
public sealed record WebChatToken(string ConversationId, WebChatTokenKind Kind, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);
