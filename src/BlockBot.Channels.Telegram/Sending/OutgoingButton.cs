namespace BlockBot.Channels.Telegram.Sending;

/// <param name="Value">What a press sends back (callback data, at most 64 bytes).</param>
public sealed record OutgoingButton(string Title, string Value);
