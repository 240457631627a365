using BlockBot.Conversation.Turns;

namespace BlockBot.Channels.Telegram.Inbox;

/// <summary>The customer's update behind the turn is handled: saved with the turn, so it is not handled again.</summary>
public sealed record TelegramUpdateHandled(long UpdateId) : TurnRecord;
