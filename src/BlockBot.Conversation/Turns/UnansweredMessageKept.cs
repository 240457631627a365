using BlockBot.Conversation.Understanding;

namespace BlockBot.Conversation.Turns;

/// <summary>A message the bot did not understand, kept for support with the turn that answered it.</summary>
public sealed record UnansweredMessageKept(UnansweredMessage Message) : TurnRecord;
