namespace BlockBot.Channels.Telegram.Inbox;

/// <summary>An update waiting in the inbox, as the processor lists them: which and whose, without the payload.</summary>
public sealed record PendingUpdate(long UpdateId, long ChatId);
