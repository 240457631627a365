namespace BlockBot.Channels.Telegram.Sending;

public enum OutgoingKind
{
    /// <summary>A text message, possibly with buttons.</summary>
    Message,

    /// <summary>Take the buttons off a message the customer answered.</summary>
    RemoveKeyboard,
}
