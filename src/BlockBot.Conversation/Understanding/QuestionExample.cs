using BlockBot.Conversation.Dialogs.Model;

namespace BlockBot.Conversation.Understanding;

/// <summary>One way a customer may put a question, as support wrote it in the questions file.</summary>
public sealed record QuestionExample(string Language, string Text, SourceLocation Location);
