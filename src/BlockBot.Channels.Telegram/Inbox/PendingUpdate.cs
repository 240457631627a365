namespace BlockBot.Channels.Telegram.Inbox;

/// <summary>
/// An update to handle: as the processor lists the inbox (which and whose, without the payload), or handed over by
/// polling before it was recorded (<see cref="HandedOver"/>, with the update as received).
/// </summary>
public sealed record PendingUpdate(long UpdateId, long ChatId)
{
    public HandedOverUpdate? HandedOver { get; init; }
}
