using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Conversation.Engine;
using BlockBot.Conversation.State;

namespace BlockBot.Conversation.Steps.End;

/// <summary>Closes the dialog: the one below it (if any) continues, or the dialog named by <c>start</c> begins.</summary>
internal sealed class EndStepRunner : StepRunner<EndStep>
{
    protected override Task<StepOutcome> RunAsync(Turn turn, DialogDefinition dialog, DialogFrame frame, EndStep step, CancellationToken cancellationToken)
    {
        turn.State.Stack.RemoveAt(turn.State.Stack.Count - 1);
        if (step.Start is { } next)
        {
            turn.StartDialog(turn.Dialogs[next], keepValues: true);
        }

        return Task.FromResult(StepOutcome.Continue);
    }
}
