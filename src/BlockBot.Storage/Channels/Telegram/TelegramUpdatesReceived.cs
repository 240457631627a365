using BlockBot.Channels.Telegram.Inbox;
using BlockBot.Conversation.Turns;

namespace BlockBot.Storage.Channels.Telegram;

/// <summary>
/// Updates to record in the inbox, saved through the turn store so that on SQLite they share a commit with the turns
/// saved at the same moment (<see cref="SqlTelegramStore.RecordAsync"/>).
/// </summary>
public sealed record TelegramUpdatesReceived(IReadOnlyCollection<ReceivedUpdate> Updates) : TurnRecord
{
    /// <summary>How many of <see cref="Updates"/> were new to the inbox, once written.</summary>
    public int Added { get; internal set; }
}
