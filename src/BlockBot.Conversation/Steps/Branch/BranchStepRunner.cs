using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Conversation.Engine;
using BlockBot.Conversation.State;

namespace BlockBot.Conversation.Steps.Branch;

internal sealed class BranchStepRunner : StepRunner<BranchStep>
{
    protected override Task<StepOutcome> RunAsync(Turn turn, DialogDefinition dialog, DialogFrame frame, BranchStep step, CancellationToken cancellationToken)
    {
        var value = turn.State.Values.GetValueOrDefault(step.On);
        string? target;
        if (string.IsNullOrEmpty(value))
        {
            target = step.Empty ?? step.Else;
        }
        else
        {
            target = step.Cases.TryGetValue(value, out var matched) ? matched : step.Else;
        }

        frame.StepIndex = target is null ? frame.StepIndex + 1 : dialog.IndexOf(target);
        return Task.FromResult(StepOutcome.Continue);
    }
}
