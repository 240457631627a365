using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Conversation.Engine;

namespace BlockBot.Conversation.Steps.Wait;

/// <summary>
/// A message while the dialog waits: relayed to the person handling the customer, answered when it is a question,
/// else told the wait's reply (and kept for support).
/// </summary>
internal sealed class WaitStepAnswer(IMessageRelay relay, QuestionAnswering questions) : StepAnswer<WaitStep>
{
    protected override async Task AnswerAsync(Turn turn, DialogDefinition dialog, WaitStep wait, string text, CancellationToken cancellationToken)
    {
        var relayed = await relay.TryRelayAsync(turn.Customer, text, cancellationToken);
        if (await questions.TryAnswerAsync(turn, text, relayed ? TextPlace.WaitingWithPerson : TextPlace.Waiting, cancellationToken))
        {
            return;
        }

        if (relayed)
        {
            await turn.SayAsync(TextKeys.Relayed, cancellationToken);
        }
        else
        {
            questions.Record(turn, text);
            await turn.SayAsync(wait.Reply ?? turn.Dialogs.Text(TextKeys.Waiting), cancellationToken);
        }
    }
}
