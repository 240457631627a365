using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Conversation.Engine;
using BlockBot.Conversation.State;

namespace BlockBot.Conversation.Steps;

/// <summary>An <see cref="IStepRunner"/> for steps of type <typeparamref name="TStep"/>.</summary>
internal abstract class StepRunner<TStep> : IStepRunner
    where TStep : DialogStep
{
    public Type StepType => typeof(TStep);

    public Task<StepOutcome> RunAsync(Turn turn, DialogDefinition dialog, DialogFrame frame, DialogStep step, CancellationToken cancellationToken) =>
        RunAsync(turn, dialog, frame, (TStep)step, cancellationToken);

    protected abstract Task<StepOutcome> RunAsync(Turn turn, DialogDefinition dialog, DialogFrame frame, TStep step, CancellationToken cancellationToken);
}
