using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Conversation.Engine;

namespace BlockBot.Conversation.Steps;

/// <summary>What a step the conversation is parked on does with the customer's message (an ask takes it as the answer).</summary>
internal interface IStepAnswer
{
    Type StepType { get; }

    Task AnswerAsync(Turn turn, DialogDefinition dialog, DialogStep step, string text, CancellationToken cancellationToken);
}
