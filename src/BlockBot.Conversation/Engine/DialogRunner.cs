using BlockBot.Conversation.Steps;
using Microsoft.Extensions.Logging;

namespace BlockBot.Conversation.Engine;

/// <summary>
/// Runs dialog steps from where the conversation stands until a step parks it (an ask or a wait) or
/// no dialog is left. Each kind's runner (<see cref="StepKinds"/>) runs its step and moves the frame on.
/// Re-running a parked ask sends its question again, which is how the engine re-asks.
/// </summary>
internal sealed class DialogRunner(IEnumerable<IStepRunner> runners, ILogger<DialogRunner> logger)
{
    // A dialog that loops without asking anything is a content bug; stop it instead of spinning.
    private const int MaxStepsPerTurn = 500;

    private readonly Dictionary<Type, IStepRunner> _runners = runners.ToDictionary(r => r.StepType);

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

            var step = dialog.Steps[frame.StepIndex];
            if (await _runners[step.GetType()].RunAsync(turn, dialog, frame, step, cancellationToken) == StepOutcome.Park)
            {
                return;
            }
        }

        throw new InvalidOperationException($"The dialogs ran {MaxStepsPerTurn} steps without waiting for the customer; a goto loop?");
    }
}
