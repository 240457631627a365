using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Conversation.Steps.Ask;
using BlockBot.Conversation.Understanding;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace BlockBot.Conversation.Engine;

/// <summary>
/// Answers what customers write in their own words, wherever it arrives: understands the message against the
/// questions file, answers with what is known of the customer, and returns them to where they were — or asks
/// "Did you mean…", or says plainly that it does not know and keeps the message for support.
/// </summary>
internal sealed class QuestionAnswering(
    MessageInterpreter interpreter,
    ICustomerFacts facts,
    IUnansweredMessages unanswered,
    DialogRunner runner,
    BuiltInCommands commands,
    TimeProvider time,
    ILogger<QuestionAnswering> logger)
{
    private const string TopicPrefix = "topic:";
    private const string DialogPrefix = "dialog:";
    private const string DeclineValue = "no_thanks";

    /// <summary>A press of (or a typed answer to) the buttons of the bot's last "Did you mean" or offer.</summary>
    public async Task<bool> TryFollowSuggestionAsync(Turn turn, string text, CancellationToken cancellationToken)
    {
        var pending = turn.State.Suggestions;
        turn.State.Suggestions = [];
        var value = IsSuggestionValue(turn, text) ? text : PickTyped(turn, pending, text);
        switch (value)
        {
            case null:
                return false;
            case PersonOffer.PersonValue:
                turn.StartDialog(turn.Dialogs[DialogSet.OperatorDialogId], keepValues: true);
                await runner.ContinueAsync(turn, cancellationToken);
                return true;
            case DeclineValue:
                await turn.SayAsync(TextKeys.OfferDeclined, cancellationToken);
                await runner.ContinueAsync(turn, cancellationToken);
                return true;
        }

        if (value.StartsWith(DialogPrefix, StringComparison.Ordinal))
        {
            turn.StartDialog(turn.Dialogs[value[DialogPrefix.Length..]], keepValues: false);
            await runner.ContinueAsync(turn, cancellationToken);
            return true;
        }

        await AnswerAsync(turn, turn.Dialogs.Questions.ById[value[TopicPrefix.Length..]], cancellationToken);
        return true;
    }

    /// <summary>A first message, or one when no dialog runs: always answered one way or another.</summary>
    public async Task AnswerAtStartAsync(Turn turn, string text, CancellationToken cancellationToken)
    {
        var interpretation = interpreter.Interpret(turn.Dialogs.Questions.Index, text);
        if (interpretation.Confident is { } topic)
        {
            await AnswerAsync(turn, topic, cancellationToken);
            return;
        }

        if (KeywordMatcher.Find(turn.Dialogs, text) is { } dialog)
        {
            turn.StartDialog(dialog, keepValues: false);
            await runner.ContinueAsync(turn, cancellationToken);
            return;
        }

        if (interpretation.Verdict == Verdict.Unsure)
        {
            await AskWhichAsync(turn, interpretation, cancellationToken);
            return;
        }

        Record(turn, text);
        await turn.SayAsync(TextKeys.NotUnderstood, cancellationToken);
        turn.StartDialog(turn.Dialogs[DialogSet.MenuDialogId], keepValues: false);
        await runner.ContinueAsync(turn, cancellationToken);
    }

    /// <summary>Text that is not an answer to the step the customer is at (or, at a free-text step, may not be).</summary>
    /// <returns>False when the text is not taken for a question: the caller treats it as it would have.</returns>
    public async Task<bool> TryAnswerAsync(Turn turn, string text, TextPlace place, CancellationToken cancellationToken)
    {
        var interpretation = interpreter.Interpret(turn.Dialogs.Questions.Index, text);
        if (interpretation is { Confident: { } topic, Best: { } best } && Accepts(place, best, text))
        {
            await AnswerAsync(turn, topic, cancellationToken);
            return true;
        }

        // Asking back suits a question that is not an answer; a wait's own reply says more than "Did you mean" would,
        // and at yes or no only a clear question is one ("не знаю даже" is a failed answer).
        var asking = place switch
        {
            TextPlace.Choice => MessageShape.IsExplicitQuestion(text) || MessageShape.WordCount(text) >= 3,
            TextPlace.YesNo => MessageShape.IsExplicitQuestion(text) || MessageShape.IsSentence(text),
            _ => false,
        };
        if (interpretation.Verdict == Verdict.Unsure && asking)
        {
            await AskWhichAsync(turn, interpretation, cancellationToken);
            return true;
        }

        return false;
    }

    /// <summary>Keeps a message the bot could not place, for support to add its phrasing.</summary>
    public void Record(Turn turn, string text)
    {
        if (MessageShape.HasNoWords(text))
        {
            return;
        }

        var place = turn.CurrentStep is { } step
            ? $"{turn.State.Top!.DialogId}/{step.Id ?? turn.State.Top.StepIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
            : "start";
        unanswered.Record(turn.Context, new UnansweredMessage(turn.Customer, turn.Language, place, text, time.GetUtcNow()));
        logger.LogInformation("A message of {Customer} at {Place} was not understood and kept for support", turn.Customer, place);
    }

    private static bool Accepts(TextPlace place, TopicMatch best, string text) => place switch
    {
        TextPlace.FreeText => MessageShape.IsQuestionNotAnswer(best, text),
        TextPlace.YesNo => MessageShape.IsQuestionNotAnswer(best, text),
        TextPlace.WaitingWithPerson => MessageShape.IsExplicitQuestion(text),
        _ => true,
    };

    private async Task AnswerAsync(Turn turn, QuestionEntry topic, CancellationToken cancellationToken)
    {
        var idle = turn.State.Top is null || turn.State.Top.DialogId == DialogSet.MenuDialogId;
        var followUp = topic.FollowUp;
        logger.LogInformation("Understood {Topic} from {Customer}", topic.Id, turn.Customer);
        if (followUp.Kind == FollowUpKind.Start && idle)
        {
            // The dialog is the answer when the customer is free to start it; it opens with its own explanation.
            turn.StartDialog(turn.Dialogs[followUp.Target!], keepValues: true);
            await runner.ContinueAsync(turn, cancellationToken);
            return;
        }

        var known = await KnownFactsAsync(turn, cancellationToken);
        await turn.SayAsync(topic.AnswerFor(known), cancellationToken, known);
        switch (followUp.Kind)
        {
            case FollowUpKind.Offer when idle:
                var title = turn.Dialogs[followUp.Target!].Title ?? topic.Title;
                await SuggestAsync(
                    turn,
                    turn.Render(turn.Dialogs.Text(TextKeys.OfferDialog), new Dictionary<string, string> { ["title"] = turn.Render(title) }),
                    [(turn.Dialogs.Text(TextKeys.Yes), DialogPrefix + followUp.Target), (turn.Dialogs.Text(TextKeys.No), DeclineValue)],
                    cancellationToken);
                return;
            case FollowUpKind.OfferPerson when turn.CurrentStep is not AskStep:
                await SuggestAsync(turn, turn.Render(turn.Dialogs.Text(TextKeys.PersonAvailable)), [(turn.Dialogs.Text(TextKeys.PersonButton), PersonOffer.PersonValue)], cancellationToken);
                return;
            case FollowUpKind.OfferPerson:
                turn.State.PersonOffered = true;
                break;
            case FollowUpKind.Command:
                await commands.TryHandleAsync(turn, followUp.Target!, string.Empty, cancellationToken);
                return;
        }

        // Back to where the customer was: the open question is asked again.
        await runner.ContinueAsync(turn, cancellationToken);
    }

    private async Task AskWhichAsync(Turn turn, Interpretation interpretation, CancellationToken cancellationToken)
    {
        var options = interpretation.Candidates.Select(c => (c.Title, TopicPrefix + c.Id)).ToList();
        options.Add((turn.Dialogs.Text(TextKeys.PersonButton), PersonOffer.PersonValue));
        await SuggestAsync(turn, turn.Render(turn.Dialogs.Text(TextKeys.DidYouMean)), options, cancellationToken);
    }

    private static async Task SuggestAsync(Turn turn, string text, IReadOnlyList<(LocalizedText Title, string Value)> options, CancellationToken cancellationToken)
    {
        turn.State.Suggestions = options.Select(o => o.Value).ToList();
        var buttons = options.Select(o => new CardAction(ActionTypes.ImBack, turn.Render(o.Title), value: o.Value, text: o.Value)).ToList();
        await turn.SendAsync(text, buttons, cancellationToken);
    }

    private async Task<Dictionary<string, string>> KnownFactsAsync(Turn turn, CancellationToken cancellationToken)
    {
        var known = new Dictionary<string, string>(await facts.GetAsync(turn.Customer, turn.State.Values, turn.Language, cancellationToken), StringComparer.Ordinal);
        if (turn.CurrentStep is AskStep { Reason: { } reason })
        {
            known["step_reason"] = turn.Render(reason);
        }

        return known;
    }

    private static bool IsSuggestionValue(Turn turn, string text) =>
        text == PersonOffer.PersonValue
        || text.StartsWith(TopicPrefix, StringComparison.Ordinal) && turn.Dialogs.Questions.ById.ContainsKey(text[TopicPrefix.Length..])
        || text.StartsWith(DialogPrefix, StringComparison.Ordinal) && turn.Dialogs.Dialogs.ContainsKey(text[DialogPrefix.Length..]);

    private static string? PickTyped(Turn turn, IReadOnlyList<string> pending, string text)
    {
        if (pending.Count == 0)
        {
            return null;
        }

        var options = pending.Select(value => new ChoiceOption(value, TitleOf(turn, value), null, turn.Dialogs.Text(TextKeys.Yes).Location)).ToList();
        var index = AnswerMatcher.MatchChoice(text, options, turn.Language);
        return index >= 0 ? pending[index] : null;
    }

    private static LocalizedText TitleOf(Turn turn, string value) => value switch
    {
        PersonOffer.PersonValue => turn.Dialogs.Text(TextKeys.PersonButton),
        DeclineValue => turn.Dialogs.Text(TextKeys.No),
        _ when value.StartsWith(DialogPrefix, StringComparison.Ordinal) => turn.Dialogs.Text(TextKeys.Yes),
        _ => turn.Dialogs.Questions.ById.TryGetValue(value[TopicPrefix.Length..], out var entry) ? entry.Title : turn.Dialogs.Text(TextKeys.Yes),
    };
}
