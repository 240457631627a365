namespace BlockBot.Channels.Telegram.Sending;

/// <summary>
/// Which send goes first when several wait for the same chat or for the overall rate: what staff do is never held up
/// by what the outbox holds (relays of customers' messages, refusals of strangers, replies and reminders).
/// </summary>
public enum SendPriority
{
    /// <summary>Everything the outbox sends, in its order.</summary>
    Queued,

    /// <summary>A new ticket card in the staff chat.</summary>
    Card,

    /// <summary>What a staff member's action causes in the staff chat: card edits, the decline prompt, answers to staff.</summary>
    StaffAction,
}
