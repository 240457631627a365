namespace BlockBot.Tests.Channels.Telegram.Fake;

/// <summary>A message the fake accepted, with its text as a Telegram client would show it (HTML parsed).</summary>
/// <param name="Buttons">Callback data of the inline keyboard, row by row flattened.</param>
/// <param name="RawText">The text as the bot sent it, before parsing.</param>
public sealed record SentMessage(long ChatId, int MessageId, string Text, IReadOnlyList<string> Buttons, int? ReplyTo, bool ForceReply, DateTimeOffset At, string RawText = "");
