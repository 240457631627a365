namespace BlockBot.Channels.WebChat;

/// <summary>An activity of a web conversation as stored: its number in the conversation (the watermark after it) and its JSON.</summary>
public sealed record StoredActivity(long Sequence, string Json);
