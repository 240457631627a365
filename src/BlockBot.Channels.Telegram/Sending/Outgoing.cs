namespace BlockBot.Channels.Telegram.Sending;

/// <summary>One call to Telegram waiting in the outbox. <see cref="Text"/> is plain text; it is escaped when sent.</summary>
public sealed record Outgoing(OutgoingKind Kind, long ChatId, string? Text = null, IReadOnlyList<OutgoingButton>? Buttons = null, int? MessageId = null)
{
    public static Outgoing Message(long chatId, string text, IReadOnlyList<OutgoingButton>? buttons = null) =>
        new(OutgoingKind.Message, chatId, text, buttons);

    public static Outgoing RemoveKeyboard(long chatId, int messageId) => new(OutgoingKind.RemoveKeyboard, chatId, MessageId: messageId);
}
