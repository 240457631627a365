using BlockBot.Conversation.Understanding;

namespace BlockBot.Bench.Understanding;

/// <summary>
/// A classifier's ranking turned into what <c>LabelledCheck</c> judges: an <see cref="Interpretation"/> (confident when
/// the thresholds answer, else not understood: ML.NET has no "unsure" band here), judged by <see cref="LabelledCheck.Judge"/>
/// like the index.
/// </summary>
public static class ClassifierDecision
{
    public static LabelledOutcome Judge(QuestionBook book, ClassifierThresholds thresholds, LabelledMessage message, RankedClasses ranked)
    {
        var best = new TopicMatch(book.ById[ranked.Top], ranked.TopScore);
        var runnerUp = book.ById.TryGetValue(ranked.Second, out var second) ? new TopicMatch(second, ranked.SecondScore) : null;
        var interpretation = new Interpretation(thresholds.Answers(ranked) ? Verdict.Confident : Verdict.NotUnderstood, best, runnerUp);
        return LabelledCheck.Judge(message, interpretation);
    }
}
