using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Conversation.Engine;
using BlockBot.Conversation.State;

namespace BlockBot.Conversation.Steps.Goto;

internal sealed class GotoStepRunner : StepRunner<GotoStep>
{
    protected override Task<StepOutcome> RunAsync(Turn turn, DialogDefinition dialog, DialogFrame frame, GotoStep step, CancellationToken cancellationToken)
    {
        frame.StepIndex = dialog.IndexOf(step.Target);
        return Task.FromResult(StepOutcome.Continue);
    }
}
