using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Conversation.Engine;
using BlockBot.Conversation.State;

namespace BlockBot.Conversation.Steps.Wait;

/// <summary>A wait parks the conversation silently; an event it lists moves it on (<see cref="EventReceiver"/>).</summary>
internal sealed class WaitStepRunner : StepRunner<WaitStep>
{
    protected override Task<StepOutcome> RunAsync(Turn turn, DialogDefinition dialog, DialogFrame frame, WaitStep step, CancellationToken cancellationToken) =>
        Task.FromResult(StepOutcome.Park);
}
