namespace BlockBot.Conversation.Abstractions;

/// <summary>
/// A channel whose customers are usually gone when a later message comes (a web page they close). A reminder scheduled
/// there offers to continue on a channel that reaches them later (<see cref="IHandoverLink"/>); a channel registers one
/// of these for itself.
/// </summary>
public sealed record TransientChannel(string ChannelId);
