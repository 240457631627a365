using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Conversation.Engine;
using BlockBot.Conversation.State;

namespace BlockBot.Conversation.Steps;

/// <summary>Runs one kind of step when the dialog reaches it, moving the frame on itself.</summary>
internal interface IStepRunner
{
    Type StepType { get; }

    Task<StepOutcome> RunAsync(Turn turn, DialogDefinition dialog, DialogFrame frame, DialogStep step, CancellationToken cancellationToken);
}
