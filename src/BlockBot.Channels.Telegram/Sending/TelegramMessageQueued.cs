using BlockBot.Conversation.Turns;

namespace BlockBot.Channels.Telegram.Sending;

/// <summary>A message the turn says, queued in the outbox with the turn; <see cref="TelegramOutboxSender"/> sends it.</summary>
public sealed record TelegramMessageQueued(Outgoing Message) : TurnRecord;
