using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Conversation.Engine;
using BlockBot.Conversation.State;
using Microsoft.Extensions.Logging;

namespace BlockBot.Conversation.Steps.Do;

/// <summary>Runs the step's named action (<see cref="IDialogAction"/>) with its arguments and the conversation's values.</summary>
internal sealed class DoStepRunner(IEnumerable<IDialogAction> actions, ILogger<DoStepRunner> logger) : StepRunner<DoStep>
{
    private readonly Dictionary<string, IDialogAction> _actions = actions.ToDictionary(a => a.Name, StringComparer.Ordinal);

    protected override async Task<StepOutcome> RunAsync(Turn turn, DialogDefinition dialog, DialogFrame frame, DoStep step, CancellationToken cancellationToken)
    {
        var context = new DialogActionContext(turn.Context, turn.Customer, turn.Language, step.Arguments, turn.State.Values) { Texts = new TurnTexts(turn) };
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

        frame.StepIndex++;
        return StepOutcome.Continue;
    }
}
