namespace BlockBot.Channels.Telegram;

/// <summary>The bot cannot talk to Telegram at start: a rejected token or an unreachable Bot API. The message says which.</summary>
public sealed class TelegramStartupException(string message, Exception? inner = null) : Exception(message, inner);
