namespace BlockBot.Channels.Telegram.Sending;

/// <summary>One call to Telegram waiting in the outbox. <see cref="Text"/> is plain text; it is escaped when sent.</summary>
/// <param name="ReplyTo">The message a <see cref="OutgoingKind.Message"/> answers (sent also when that one is gone).</param>
public sealed record Outgoing(OutgoingKind Kind, long ChatId, string? Text = null, IReadOnlyList<OutgoingButton>? Buttons = null, int? MessageId = null, int? ReplyTo = null)
{
    public static Outgoing Message(long chatId, string text, IReadOnlyList<OutgoingButton>? buttons = null) =>
        new(OutgoingKind.Message, chatId, text, buttons);

    public static Outgoing Reply(long chatId, string text, int? replyTo) =>
        new(OutgoingKind.Message, chatId, text, ReplyTo: replyTo);

    public static Outgoing RemoveKeyboard(long chatId, int messageId) => new(OutgoingKind.RemoveKeyboard, chatId, MessageId: messageId);
}
