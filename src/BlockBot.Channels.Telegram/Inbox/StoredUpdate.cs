namespace BlockBot.Channels.Telegram.Inbox;

/// <summary>An update as the inbox holds it; <see cref="Payload"/> is the Bot API's JSON.</summary>
public sealed record StoredUpdate(long UpdateId, long ChatId, string Payload, int Attempts);
