using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Dialogs.Loading;
using BlockBot.Conversation.Dialogs.Model;

namespace BlockBot.Conversation.Steps;

/// <summary>What a kind's validator checks a step against once every file is read (events and targets every step is checked for already); problems go to <see cref="Problems"/>.</summary>
internal sealed class StepChecks(
    IReadOnlyDictionary<string, IDialogAction> actions,
    IReadOnlyDictionary<string, DialogDefinition> dialogs,
    List<DialogProblem> problems)
{
    public IReadOnlyDictionary<string, IDialogAction> Actions { get; } = actions;

    public IReadOnlyDictionary<string, DialogDefinition> Dialogs { get; } = dialogs;

    public List<DialogProblem> Problems { get; } = problems;

    public void Problem(SourceLocation location, string message) => Problems.Add(new DialogProblem(location, message));
}
