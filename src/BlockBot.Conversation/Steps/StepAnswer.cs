using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Conversation.Engine;

namespace BlockBot.Conversation.Steps;

/// <summary>An <see cref="IStepAnswer"/> for steps of type <typeparamref name="TStep"/>.</summary>
internal abstract class StepAnswer<TStep> : IStepAnswer
    where TStep : DialogStep
{
    public Type StepType => typeof(TStep);

    public Task AnswerAsync(Turn turn, DialogDefinition dialog, DialogStep step, string text, CancellationToken cancellationToken) =>
        AnswerAsync(turn, dialog, (TStep)step, text, cancellationToken);

    protected abstract Task AnswerAsync(Turn turn, DialogDefinition dialog, TStep step, string text, CancellationToken cancellationToken);
}
