using System.Globalization;
using System.Text;

namespace BlockBot.Conversation.Understanding;

/// <summary>
/// Chooses <see cref="UnderstandingOptions"/> from the questions file alone, by k-fold cross-validation: every example
/// is understood by an index built without its fold, as an unseen customer message would be. For the given margin (how
/// close a runner-up makes the bot ask back, a choice), the confident line maximises examples placed right: topic
/// examples answered with their topic, out-of-scope examples not answered with a topic. The tie-break's leaning is the
/// one that places the most right less the most answered wrong: it turns "Did you mean" into answers, and an answer
/// is worth it only when it is right more often than not. The unsure line then keeps the most missed topic examples
/// for "Did you mean" while letting the fewest out-of-scope ones in.
/// </summary>
public static class ThresholdCalibration
{
    private const int Folds = 5;
    private static readonly double[] Leanings = [0.5, 1, 2, 4, 8, 16];

    public static CalibrationResult Run(IReadOnlyList<QuestionEntry> entries, double margin)
    {
        var held = new List<(QuestionEntry Expected, IReadOnlyList<TopicMatch> Ranked)>();
        for (var fold = 0; fold < Folds; fold++)
        {
            var training = entries.Select(e => e with { Examples = e.Examples.Where((_, i) => i % Folds != fold).ToList() }).ToList();
            using var index = new QuestionIndex(training);
            var byId = training.ToDictionary(e => e.Id, StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                foreach (var example in entry.Examples.Where((_, i) => i % Folds == fold))
                {
                    held.Add((entry, index.Rank(example.Text).Select(m => m with { Entry = byId[m.Entry.Id] }).ToList()));
                }
            }
        }

        var best = (Net: double.MinValue, Right: 0.0, Wrong: 0.0, Confident: 0.0, Leaning: 0.0);
        foreach (var leaning in Leanings)
        {
            var (right, confident) = ChooseConfident(held, margin, leaning);
            var wrong = held.Average(h => Answered(h.Ranked, confident, margin, leaning) is { } answered && !Right(h.Expected, answered) ? 1.0 : 0.0);
            if (right - wrong > best.Net)
            {
                best = (right - wrong, right, wrong, confident, leaning);
            }
        }

        var unsure = ChooseUnsure(held, best.Confident, margin, best.Leaning);
        return new CalibrationResult(Math.Round(best.Confident, 2), margin, best.Leaning, Math.Round(unsure, 2), best.Right, best.Wrong, held.Count);
    }

    private static (double Right, double Confident) ChooseConfident(
        IReadOnlyList<(QuestionEntry Expected, IReadOnlyList<TopicMatch> Ranked)> held, double margin, double leaning)
    {
        var best = (Right: double.MinValue, Confident: 0.0);
        for (var confident = 0.02; confident <= 0.8; confident += 0.01)
        {
            var right = held.Average(h => Right(h.Expected, Answered(h.Ranked, confident, margin, leaning)) ? 1.0 : 0.0);
            if (right > best.Right)
            {
                best = (right, confident);
            }
        }

        return best;
    }

    private static bool Right(QuestionEntry expected, QuestionEntry? answered) =>
        expected.IsOutOfScope ? answered is null || answered.IsOutOfScope : answered?.Id == expected.Id;

    /// <summary>The topic answered without asking back, as <see cref="MessageInterpreter"/> decides it, or null.</summary>
    private static QuestionEntry? Answered(IReadOnlyList<TopicMatch> ranked, double confident, double margin, double leaning)
    {
        if (ranked.Count == 0)
        {
            return null;
        }

        var (top, _, clear) = NearTie.Resolve(ranked[0], ranked.Count > 1 ? ranked[1] : null, margin, leaning);
        return clear && top.Score >= confident ? top.Entry : null;
    }

    private static double ChooseUnsure(
        IReadOnlyList<(QuestionEntry Expected, IReadOnlyList<TopicMatch> Ranked)> held, double confident, double margin, double leaning)
    {
        var notAnswered = held.Where(h => h.Ranked.Count > 0 && Answered(h.Ranked, confident, margin, leaning) is null).ToList();
        var best = (Gain: double.MinValue, Line: confident);
        for (var line = 0.01; line <= confident; line += 0.01)
        {
            var above = notAnswered.Where(h => h.Ranked[0].Score >= line).ToList();
            var helped = above.Count(h => !h.Expected.IsOutOfScope && h.Ranked.Take(2).Any(m => m.Entry.Id == h.Expected.Id));
            var bothered = above.Count(h => h.Expected.IsOutOfScope);
            var gain = helped - (2.0 * bothered);
            if (gain > best.Gain)
            {
                best = (gain, line);
            }
        }

        return best.Line;
    }
}

/// <summary>Thresholds chosen by <see cref="ThresholdCalibration"/> and the cross-validated share of examples placed right.</summary>
public sealed record CalibrationResult(
    double ConfidentScore, double ClearMargin, double TieBreakLeaning, double UnsureScore, double CrossValidatedAccuracy, double AnsweredWrong, int Examples)
{
    public string Format() => string.Create(CultureInfo.InvariantCulture,
        $"{Examples} examples, {Folds}-fold cross-validation: {CrossValidatedAccuracy:P1} placed right, {AnsweredWrong:P1} answered wrong\n"
        + $"  BlockBot:Understanding:ConfidentScore = {ConfidentScore:0.00}\n"
        + $"  BlockBot:Understanding:ClearMargin    = {ClearMargin:0.00}\n"
        + $"  BlockBot:Understanding:TieBreakLeaning = {TieBreakLeaning:0.0}\n"
        + $"  BlockBot:Understanding:UnsureScore    = {UnsureScore:0.00}\n");

    private const int Folds = 5;
    private static readonly double[] Leanings = [0.5, 1, 2, 4, 8, 16];
}
