namespace BlockBot.Conversation.Understanding;

/// <summary>A topic and how well a message matched it: 0 (nothing in common) to about 1 (its own words).</summary>
public sealed record TopicMatch(QuestionEntry Entry, double Score);
