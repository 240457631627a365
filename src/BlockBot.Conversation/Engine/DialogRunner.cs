using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Conversation.State;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace BlockBot.Conversation.Engine;

/// <summary>
/// Runs dialog steps from where the conversation stands until a step parks it (an ask or a wait) or
/// no dialog is left. Re-running a parked ask sends its question again, which is how the engine re-asks.
/// </summary>
internal sealed class DialogRunner(IEnumerable<IDialogAction> actions, ILogger<DialogRunner> logger)
{
    public const string PersonValue = "__person";

    // A dialog that loops without asking anything is a content bug; stop it instead of spinning.
    private const int MaxStepsPerTurn = 500;

    private readonly Dictionary<string, IDialogAction> _actions = actions.ToDictionary(a => a.Name, StringComparer.Ordinal);

    public void Start(Turn turn, DialogDefinition dialog, bool keepValues)
    {
        if (!dialog.Triggers.Interrupt)
        {
            if (keepValues)
            {
                turn.State.Stack.Clear();
            }
            else
            {
                turn.State.Clear();
            }
        }

        turn.State.ResetMisses();
        turn.State.Stack.Add(new DialogFrame { DialogId = dialog.Id, StepIndex = 0 });
    }

    public async Task ContinueAsync(Turn turn, CancellationToken cancellationToken)
    {
        for (var executed = 0; executed < MaxStepsPerTurn; executed++)
        {
            if (turn.State.Top is not { } frame)
            {
                return;
            }

            if (!turn.Dialogs.Dialogs.TryGetValue(frame.DialogId, out var dialog))
            {
                logger.LogWarning("Conversation {Customer} was in dialog {DialogId}, which no longer exists; starting over", turn.Customer, frame.DialogId);
                turn.State.Stack.RemoveAt(turn.State.Stack.Count - 1);
                continue;
            }

            if (frame.StepIndex < 0 || frame.StepIndex >= dialog.Steps.Count)
            {
                turn.State.Stack.RemoveAt(turn.State.Stack.Count - 1);
                continue;
            }

            switch (dialog.Steps[frame.StepIndex])
            {
                case SayStep say:
                    await turn.SayAsync(say.Text, cancellationToken);
                    frame.StepIndex++;
                    break;
                case AskStep ask:
                    await PromptAsync(turn, ask, cancellationToken);
                    return;
                case WaitStep:
                    return;
                case GotoStep jump:
                    frame.StepIndex = dialog.IndexOf(jump.Target);
                    break;
                case BranchStep branch:
                    frame.StepIndex = Branch(dialog, branch, frame.StepIndex, turn.State.Values);
                    break;
                case DoStep step:
                    await RunActionAsync(turn, step, cancellationToken);
                    frame.StepIndex++;
                    break;
                case EndStep end:
                    turn.State.Stack.RemoveAt(turn.State.Stack.Count - 1);
                    if (end.Start is { } next)
                    {
                        Start(turn, turn.Dialogs[next], keepValues: true);
                    }

                    break;
            }
        }

        throw new InvalidOperationException($"The dialogs ran {MaxStepsPerTurn} steps without waiting for the customer; a goto loop?");
    }

    public async Task PromptAsync(Turn turn, AskStep ask, CancellationToken cancellationToken)
    {
        var buttons = new List<CardAction>();
        switch (ask.AskKind)
        {
            case AskKind.YesNo:
                buttons.Add(Button(turn.Render(turn.Dialogs.Text(TextKeys.Yes)), "yes"));
                buttons.Add(Button(turn.Render(turn.Dialogs.Text(TextKeys.No)), "no"));
                break;
            case AskKind.Choice:
                buttons.AddRange(ask.Choices.Select(c => Button(turn.Render(c.Text), c.Value)));
                break;
        }

        if (turn.State.PersonOffered)
        {
            buttons.Add(Button(turn.Render(turn.Dialogs.Text(TextKeys.PersonButton)), PersonValue));
        }

        await turn.SendAsync(turn.Render(ask.Prompt), buttons, cancellationToken);
    }

    private async Task RunActionAsync(Turn turn, DoStep step, CancellationToken cancellationToken)
    {
        var context = new DialogActionContext(turn.Context, turn.Customer, turn.Language, step.Arguments, turn.State.Values);
        logger.LogDebug("Running action {Action} for {Customer}", step.Action, turn.Customer);
        await _actions[step.Action].ExecuteAsync(context, cancellationToken);
        if (context.ConversationResetRequested)
        {
            // The customer's data is gone; keep only the dialog that asked for it so it can finish speaking.
            var current = turn.State.Top!;
            turn.State.Clear();
            turn.State.Stack.Add(current);
            turn.ResetRequested = true;
        }
    }

    private static int Branch(DialogDefinition dialog, BranchStep branch, int index, IReadOnlyDictionary<string, string> values)
    {
        var value = values.GetValueOrDefault(branch.On);
        string? target;
        if (string.IsNullOrEmpty(value))
        {
            target = branch.Empty ?? branch.Else;
        }
        else
        {
            target = branch.Cases.TryGetValue(value, out var matched) ? matched : branch.Else;
        }

        return target is null ? index + 1 : dialog.IndexOf(target);
    }

    private static CardAction Button(string title, string value) => new(ActionTypes.ImBack, title, value: value, text: value);
}
