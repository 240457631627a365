namespace BlockBot.Channels.Telegram.Sending;

/// <summary>A row waiting in the outbox, as the sender lists them: which and to whom, without the message.</summary>
public sealed record QueuedOutgoing(long Id, long ChatId);
