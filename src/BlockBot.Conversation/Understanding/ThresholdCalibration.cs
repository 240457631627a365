using System.Globalization;
using System.Text;

namespace BlockBot.Conversation.Understanding;

/// <summary>
/// Chooses <see cref="UnderstandingOptions"/> from the questions file alone, by k-fold cross-validation: every example
/// is understood by an index built without its fold, as an unseen customer message would be. For the given margin (how
/// close a runner-up makes the bot ask back, a choice), the confident line maximises examples placed right: topic
/// examples answered with their topic, out-of-scope examples not answered with a topic. The unsure line then keeps the
/// most missed topic examples for "Did you mean" while letting the fewest out-of-scope ones in.
/// </summary>
public static class ThresholdCalibration
{
    private const int Folds = 5;

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

        var best = (Score: double.MinValue, Confident: 0.0);
        for (var confident = 0.02; confident <= 0.8; confident += 0.01)
        {
            var score = held.Average(h => Right(h.Expected, h.Ranked, confident, margin) ? 1.0 : 0.0);
            if (score > best.Score)
            {
                best = (score, confident);
            }
        }

        var unsure = ChooseUnsure(held, best.Confident, margin);
        return new CalibrationResult(Math.Round(best.Confident, 2), margin, Math.Round(unsure, 2), best.Score, held.Count);
    }

    private static bool Right(QuestionEntry expected, IReadOnlyList<TopicMatch> ranked, double confident, double margin)
    {
        var answered = IsConfident(ranked, confident, margin) ? ranked[0].Entry : null;
        return expected.IsOutOfScope ? answered is null || answered.IsOutOfScope : answered?.Id == expected.Id;
    }

    private static bool IsConfident(IReadOnlyList<TopicMatch> ranked, double confident, double margin) =>
        ranked.Count > 0 && ranked[0].Score >= confident && (ranked.Count < 2 || ranked[1].Score < ranked[0].Score * margin);

    private static double ChooseUnsure(IReadOnlyList<(QuestionEntry Expected, IReadOnlyList<TopicMatch> Ranked)> held, double confident, double margin)
    {
        var notAnswered = held.Where(h => h.Ranked.Count > 0 && !IsConfident(h.Ranked, confident, margin)).ToList();
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
public sealed record CalibrationResult(double ConfidentScore, double ClearMargin, double UnsureScore, double CrossValidatedAccuracy, int Examples)
{
    public string Format() => string.Create(CultureInfo.InvariantCulture,
        $"{Examples} examples, {Folds}-fold cross-validation: {CrossValidatedAccuracy:P1} placed right\n"
        + $"  BlockBot:Understanding:ConfidentScore = {ConfidentScore:0.00}\n"
        + $"  BlockBot:Understanding:ClearMargin    = {ClearMargin:0.00}\n"
        + $"  BlockBot:Understanding:UnsureScore    = {UnsureScore:0.00}\n");

    private const int Folds = 5;
}
