namespace BlockBot.Bench.WebChat;

/// <summary>A bot message as it came over the stream, with when it arrived (a <see cref="TimeProvider.GetTimestamp"/> value).</summary>
public sealed record BotReply(string Text, long ArrivedAt);
