using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Conversation.Engine;
using BlockBot.Conversation.State;

namespace BlockBot.Conversation.Steps.Say;

internal sealed class SayStepRunner : StepRunner<SayStep>
{
    protected override async Task<StepOutcome> RunAsync(Turn turn, DialogDefinition dialog, DialogFrame frame, SayStep step, CancellationToken cancellationToken)
    {
        await turn.SayAsync(step.Text, cancellationToken);
        frame.StepIndex++;
        return StepOutcome.Continue;
    }
}
