namespace BlockBot.Channels.Telegram.Inbox;

/// <summary>An update to record in the inbox; <see cref="Payload"/> is the JSON as received.</summary>
public sealed record ReceivedUpdate(long UpdateId, long ChatId, string Payload);
