using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Conversation.Engine;
using BlockBot.Conversation.State;
using Microsoft.Bot.Schema;

namespace BlockBot.Conversation.Steps.Ask;

/// <summary>Asks the question, with its buttons, and parks the conversation until the answer (<see cref="AskStepAnswer"/>).</summary>
internal sealed class AskStepRunner : StepRunner<AskStep>
{
    public static async Task PromptAsync(Turn turn, AskStep ask, CancellationToken cancellationToken)
    {
        var buttons = new List<CardAction>();
        switch (ask.AskKind)
        {
            case AskKind.YesNo:
                buttons.Add(Button(turn.Render(turn.Dialogs.Text(TextKeys.Yes)), "yes"));
                buttons.Add(Button(turn.Render(turn.Dialogs.Text(TextKeys.No)), "no"));
                break;
            case AskKind.Choice:
                buttons.AddRange(ask.Choices.Select(c => Button(turn.Render(c.Text), c.Value)));
                break;
        }

        if (PersonOffer.Button(turn) is { } person)
        {
            buttons.Add(person);
        }

        await turn.SendAsync(turn.Render(ask.Prompt), buttons, cancellationToken);
    }

    protected override async Task<StepOutcome> RunAsync(Turn turn, DialogDefinition dialog, DialogFrame frame, AskStep step, CancellationToken cancellationToken)
    {
        await PromptAsync(turn, step, cancellationToken);
        return StepOutcome.Park;
    }

    private static CardAction Button(string title, string value) => new(ActionTypes.ImBack, title, value: value, text: value);
}
