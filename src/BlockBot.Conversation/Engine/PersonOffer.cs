using System.Globalization;
using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Conversation.Steps.Ask;
using Microsoft.Bot.Schema;

namespace BlockBot.Conversation.Engine;

/// <summary>
/// The "offer a person" rule: the third unusable answer in a row to a question offers the customer a person. From
/// then on the question carries a "person" button, and pressing it, typing its text or its number hands the
/// conversation to the operator dialog.
/// </summary>
internal static class PersonOffer
{
    /// <summary>What the person button sends back.</summary>
    public const string PersonValue = "__person";

    private const int MissesTolerated = 2;

    /// <summary>Counts an unusable answer; true when this one earns the offer (the caller says it).</summary>
    public static bool CountMiss(Turn turn)
    {
        turn.State.Misses++;
        if (turn.State.Misses <= MissesTolerated)
        {
            return false;
        }

        turn.State.Misses = 0;
        turn.State.PersonOffered = true;
        return true;
    }

    /// <summary>The person button under a question, once a person was offered for it.</summary>
    public static CardAction? Button(Turn turn) =>
        turn.State.PersonOffered
            ? new CardAction(ActionTypes.ImBack, turn.Render(turn.Dialogs.Text(TextKeys.PersonButton)), value: PersonValue, text: PersonValue)
            : null;

    /// <summary>True when a person was offered and <paramref name="text"/> takes the offer.</summary>
    public static bool IsTaken(Turn turn, AskStep ask, string text)
    {
        if (!turn.State.PersonOffered)
        {
            return false;
        }

        if (text == PersonValue)
        {
            return true;
        }

        var buttonCount = ask.AskKind switch { AskKind.YesNo => 2, AskKind.Choice => ask.Choices.Count, _ => 0 };
        var personNumber = (buttonCount + 1).ToString(CultureInfo.InvariantCulture);
        var personText = AnswerMatcher.Normalize(turn.Render(turn.Dialogs.Text(TextKeys.PersonButton)));
        var typed = AnswerMatcher.Normalize(text);
        return typed == personText || (ask.AskKind != AskKind.Text && typed == personNumber);
    }
}
