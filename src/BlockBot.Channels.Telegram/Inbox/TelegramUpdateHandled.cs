using BlockBot.Conversation.Turns;

namespace BlockBot.Channels.Telegram.Inbox;

/// <summary>
/// The customer's update behind the turn is handled: saved with the turn, so it is not handled again. An update never
/// recorded (<paramref name="Unrecorded"/>, handed over by polling) is recorded handled by the same write.
/// </summary>
public sealed record TelegramUpdateHandled(long UpdateId, ReceivedUpdate? Unrecorded = null) : TurnRecord;
