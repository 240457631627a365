using BlockBot.Conversation.Turns;

namespace BlockBot.Channels.Bitrix24;

/// <summary>The event behind the turn is handled: saved with the turn, so a second delivery of it runs no turn.</summary>
public sealed record Bitrix24EventProcessed(string EventKey) : TurnRecord;
