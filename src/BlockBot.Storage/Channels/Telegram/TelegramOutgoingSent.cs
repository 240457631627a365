using BlockBot.Conversation.Turns;

namespace BlockBot.Storage.Channels.Telegram;

/// <summary>
/// Outbox rows Telegram accepted, to delete; saved through the turn store so that on SQLite the delete shares a commit
/// with the turns saved at the same moment (<see cref="OutboxDeletes"/>).
/// </summary>
public sealed record TelegramOutgoingSent(IReadOnlyList<long> Ids) : TurnRecord;
