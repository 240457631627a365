using BlockBot.Conversation.Understanding;

namespace BlockBot.Bench.Understanding;

/// <summary>
/// A classifier's ranking turned into what <c>LabelledCheck</c> judges: an <see cref="Interpretation"/> (confident when
/// the thresholds answer, else not understood: ML.NET has no "unsure" band here) and the chosen label, by the same rule
/// as <c>LabelledCheck</c>: a line name is taken for a topic only when it reads as a question
/// (<see cref="MessageShape.IsQuestionNotAnswer"/>); out_of_scope or not understood is "none".
/// </summary>
public static class ClassifierDecision
{
    public static LabelledOutcome Judge(QuestionBook book, ClassifierThresholds thresholds, LabelledMessage message, RankedClasses ranked)
    {
        var best = new TopicMatch(book.ById[ranked.Top], ranked.TopScore);
        var runnerUp = book.ById.TryGetValue(ranked.Second, out var second) ? new TopicMatch(second, ranked.SecondScore) : null;
        var interpretation = new Interpretation(thresholds.Answers(ranked) ? Verdict.Confident : Verdict.NotUnderstood, best, runnerUp);
        return new LabelledOutcome(message, Chosen(message, interpretation), interpretation);
    }

    // A copy of LabelledCheck.Chosen (private there), so both approaches are judged alike.
    private static string Chosen(LabelledMessage message, Interpretation interpretation)
    {
        if (message.Label == LabelledMessage.LineName)
        {
            return interpretation.Confident is { } topic && MessageShape.IsQuestionNotAnswer(topic, message.Message)
                ? topic.Id
                : LabelledMessage.LineName;
        }

        return interpretation.Confident switch
        {
            { IsOutOfScope: true } => LabelledMessage.OutOfScope,
            { } topic => topic.Id,
            null when interpretation.Verdict == Verdict.NotUnderstood => LabelledMessage.OutOfScope,
            null => LabelledCheck.NotAnswered,
        };
    }
}
