using System.Globalization;
using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Conversation.Engine;

namespace BlockBot.Conversation.Steps.Ask;

/// <summary>
/// Takes a message as the answer to the question the conversation is parked on: a text within its limits, a yes or
/// no, one of the choices (<see cref="AnswerMatcher"/>). A question of the customer's own is answered instead
/// (<see cref="QuestionAnswering"/>); anything else is asked again, and the third miss offers a person (<see cref="PersonOffer"/>).
/// </summary>
internal sealed class AskStepAnswer(DialogRunner runner, QuestionAnswering questions) : StepAnswer<AskStep>
{
    protected override async Task AnswerAsync(Turn turn, DialogDefinition dialog, AskStep ask, string text, CancellationToken cancellationToken)
    {
        var frame = turn.State.Top!;
        if (PersonOffer.IsTaken(turn, ask, text))
        {
            turn.State.ResetMisses();
            turn.StartDialog(turn.Dialogs[DialogSet.OperatorDialogId], keepValues: true);
            await runner.ContinueAsync(turn, cancellationToken);
            return;
        }

        string? value = null;
        string? jump = null;
        string retryKey;
        switch (ask.AskKind)
        {
            case AskKind.Text:
                retryKey = TextKeys.RetryTextLength;
                if (await questions.TryAnswerAsync(turn, text, TextPlace.FreeText, cancellationToken))
                {
                    return;
                }

                if (text.Length >= ask.MinLength && text.Length <= ask.MaxLength)
                {
                    value = text;
                }

                break;
            case AskKind.YesNo:
                retryKey = TextKeys.RetryYesNo;
                var yes = AnswerMatcher.MatchYesNo(text, turn.Render(turn.Dialogs.Text(TextKeys.Yes)), turn.Render(turn.Dialogs.Text(TextKeys.No)))
                    ?? AnswerMatcher.LeadingYesNo(text);
                value = yes switch { true => "yes", false => "no", null => null };
                break;
            default:
                retryKey = TextKeys.RetryChoice;
                var index = AnswerMatcher.MatchChoice(text, ask.Choices, turn.Language);
                if (index >= 0)
                {
                    value = ask.Choices[index].Value;
                    jump = ask.Choices[index].Goto;
                }

                break;
        }

        if (value is null)
        {
            if (ask.AskKind != AskKind.Text)
            {
                if (await questions.TryAnswerAsync(turn, text, ask.AskKind == AskKind.YesNo ? TextPlace.YesNo : TextPlace.Choice, cancellationToken))
                {
                    return;
                }

                questions.Record(turn, text);
            }

            await MissAsync(turn, ask, retryKey, cancellationToken);
            return;
        }

        turn.State.Values[ask.Save] = value;
        turn.State.ResetMisses();
        frame.StepIndex = jump is null ? frame.StepIndex + 1 : dialog.IndexOf(jump);
        await runner.ContinueAsync(turn, cancellationToken);
    }

    private static async Task MissAsync(Turn turn, AskStep ask, string retryKey, CancellationToken cancellationToken)
    {
        if (PersonOffer.CountMiss(turn))
        {
            await turn.SayAsync(TextKeys.OfferPerson, cancellationToken);
        }
        else
        {
            var limits = new Dictionary<string, string>
            {
                ["min"] = ask.MinLength.ToString(CultureInfo.InvariantCulture),
                ["max"] = ask.MaxLength.ToString(CultureInfo.InvariantCulture),
            };
            await turn.SayAsync(ask.Hint ?? turn.Dialogs.Text(retryKey), cancellationToken, limits);
        }

        await AskStepRunner.PromptAsync(turn, ask, cancellationToken);
    }
}
