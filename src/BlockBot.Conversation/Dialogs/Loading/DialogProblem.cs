using BlockBot.Conversation.Dialogs.Model;

namespace BlockBot.Conversation.Dialogs.Loading;

/// <summary>One thing wrong with a dialog file.</summary>
public sealed record DialogProblem(SourceLocation Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}
