namespace BlockBot.Conversation.Dialogs.Model;

/// <param name="Goto">Step to jump to when this option is picked; null continues with the next step.</param>
public sealed record ChoiceOption(string Value, LocalizedText Text, string? Goto, SourceLocation Location);
