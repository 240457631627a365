using BlockBot.Conversation.Dialogs.Model;

namespace BlockBot.Conversation.Understanding;

/// <summary>An answer used instead of the general one when every fact it <see cref="Needs"/> is known.</summary>
public sealed record AnswerVariant(IReadOnlyList<string> Needs, LocalizedText Text);
