namespace BlockBot.Channels.Telegram.Sending;

public sealed record StoredOutgoing(long Id, long ChatId, Outgoing Outgoing);
