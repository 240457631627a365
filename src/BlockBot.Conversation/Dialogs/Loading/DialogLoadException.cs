namespace BlockBot.Conversation.Dialogs.Loading;

/// <summary>The dialog files are broken; the message lists every problem with its file and line.</summary>
public sealed class DialogLoadException(IReadOnlyList<DialogProblem> problems)
    : Exception("The dialog files have errors:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
{
    public IReadOnlyList<DialogProblem> Problems { get; } = problems;
}
