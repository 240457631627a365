using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Conversation.Steps;

namespace BlockBot.Conversation.Dialogs.Loading;

/// <summary>
/// Checks what no single file can check alone: required dialogs and texts, commands, step ids, targets, events and
/// reachability; each step kind adds its own checks (<see cref="StepKind.Validate"/>).
/// </summary>
internal sealed class DialogValidator(
    IReadOnlyDictionary<string, IDialogAction> actions,
    IReadOnlySet<string> knownEvents,
    IReadOnlySet<string> builtInCommands,
    IEnumerable<string> domainTextKeys)
{
    public void Validate(
        IReadOnlyList<DialogDefinition> dialogs,
        IReadOnlyDictionary<string, LocalizedText> texts,
        SourceLocation textsLocation,
        List<DialogProblem> problems)
    {
        var byId = dialogs.ToDictionary(d => d.Id, StringComparer.Ordinal);
        foreach (var required in new[] { DialogSet.MenuDialogId, DialogSet.OperatorDialogId })
        {
            if (!byId.ContainsKey(required))
            {
                problems.Add(new DialogProblem(textsLocation with { File = Path.Combine(Path.GetDirectoryName(textsLocation.File) ?? "", required + ".yaml"), Line = 1 },
                    $"the dialog '{required}' is required and missing"));
            }
        }

        foreach (var key in TextKeys.Required().Concat(domainTextKeys).Distinct(StringComparer.Ordinal).Where(k => !texts.ContainsKey(k)))
        {
            problems.Add(new DialogProblem(textsLocation, $"texts.yaml is missing the text '{key}'"));
        }

        var commandOwners = new Dictionary<string, DialogDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var dialog in dialogs)
        {
            foreach (var command in dialog.Triggers.Commands)
            {
                if (builtInCommands.Contains(command))
                {
                    problems.Add(new DialogProblem(dialog.Location, $"'{command}' is a built-in command and cannot start a dialog"));
                }
                else if (!commandOwners.TryAdd(command, dialog))
                {
                    problems.Add(new DialogProblem(dialog.Location, $"'{command}' already starts the dialog '{commandOwners[command].Id}'"));
                }
            }

            ValidateSteps(dialog, byId, problems);
        }
    }

    private void ValidateSteps(DialogDefinition dialog, IReadOnlyDictionary<string, DialogDefinition> dialogs, List<DialogProblem> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in dialog.Steps.Where(s => s.Id is not null))
        {
            if (!seen.Add(step.Id!))
            {
                problems.Add(new DialogProblem(step.Location, $"duplicate step id '{step.Id}'"));
            }
        }

        var checks = new StepChecks(actions, dialogs, problems);
        foreach (var step in dialog.Steps)
        {
            foreach (var target in step.Targets.Where(t => dialog.IndexOf(t) < 0))
            {
                problems.Add(new DialogProblem(step.Location, $"'{target}' is not a step of the dialog '{dialog.Id}'"));
            }

            if (step is IAwaitsEvents awaits)
            {
                foreach (var name in awaits.Events.Keys.Where(e => !knownEvents.Contains(e)))
                {
                    problems.Add(new DialogProblem(step.Location, $"unknown event '{name}' (known: {string.Join(", ", knownEvents.Order(StringComparer.Ordinal))})"));
                }
            }

            StepKinds.ByStepType[step.GetType()].Validate?.Invoke(step, checks);
        }

        ValidateReachability(dialog, problems);
    }

    private static void ValidateReachability(DialogDefinition dialog, List<DialogProblem> problems)
    {
        if (dialog.Steps.Count == 0)
        {
            return;
        }

        var reached = new bool[dialog.Steps.Count];
        var pending = new Stack<int>([0]);
        while (pending.TryPop(out var index))
        {
            if (index >= dialog.Steps.Count || reached[index])
            {
                continue;
            }

            reached[index] = true;
            var step = dialog.Steps[index];
            if (step.FallsThrough)
            {
                pending.Push(index + 1);
            }

            foreach (var target in step.Targets)
            {
                var targetIndex = dialog.IndexOf(target);
                if (targetIndex >= 0)
                {
                    pending.Push(targetIndex);
                }
            }
        }

        for (var i = 0; i < reached.Length; i++)
        {
            if (!reached[i])
            {
                var step = dialog.Steps[i];
                problems.Add(new DialogProblem(step.Location, $"the {step.Kind} step{(step.Id is null ? "" : $" '{step.Id}'")} can never be reached"));
            }
        }
    }
}
