namespace BlockBot.Conversation.Understanding;

public sealed record TopicFigures(string Topic, int Count, int Right, double Precision, double Recall);
