using BlockBot.Conversation.Understanding;

namespace BlockBot.Bench.Understanding;

/// <summary>
/// Picks a ranker's thresholds by stratified k-fold cross-validation over the questions file's examples (never
/// the labelled set): each example is ranked by a model trained without its fold, then the thresholds that maximise
/// (share of topic examples answered with their topic + share of out-of-scope examples not answered with a topic) / 2
/// are chosen; ties go to the lower threshold and the stricter margin.
/// </summary>
public static class ThresholdCalibration
{
    private const int ShuffleSeed = 7;
    private static readonly double[] Margins = [0.5, 0.6, 0.7, 0.8, 0.9, 1.0];

    /// <param name="train">Builds a ranker from the training part of the examples.</param>
    public static CalibrationResult Run(Func<IReadOnlyList<(string Text, string Label)>, ITopicRanker> train, IReadOnlyList<(string Text, string Label)> examples, int folds)
    {
        var random = new Random(ShuffleSeed);
        var foldOf = new int[examples.Count];
        foreach (var group in Enumerable.Range(0, examples.Count).GroupBy(i => examples[i].Label))
        {
            var shuffled = group.ToArray();
            random.Shuffle(shuffled);
            for (var i = 0; i < shuffled.Length; i++)
            {
                foldOf[shuffled[i]] = i % folds;
            }
        }

        var held = new List<(string Label, RankedClasses Ranked)>(examples.Count);
        for (var fold = 0; fold < folds; fold++)
        {
            var training = examples.Where((_, i) => foldOf[i] != fold).ToList();
            using var ranker = train(training);
            held.AddRange(examples.Where((_, i) => foldOf[i] == fold).Select(e => (e.Label, ranker.Rank(e.Text))));
        }

        CalibrationResult? best = null;
        for (var confident = 0.05; confident <= 0.951; confident += 0.01)
        {
            foreach (var margin in Margins)
            {
                var thresholds = new ClassifierThresholds(Math.Round(confident, 2), margin);
                var result = Score(thresholds, held);
                if (best is null || result.Objective > best.Objective + 1e-9)
                {
                    best = result;
                }
            }
        }

        return best!;
    }

    private static CalibrationResult Score(ClassifierThresholds thresholds, IReadOnlyList<(string Label, RankedClasses Ranked)> held)
    {
        int topics = 0, topicsRight = 0, outOfScope = 0, outOfScopeRight = 0;
        foreach (var (label, ranked) in held)
        {
            var answered = thresholds.Answers(ranked) && ranked.Top != QuestionEntry.OutOfScopeId ? ranked.Top : null;
            if (label == QuestionEntry.OutOfScopeId)
            {
                outOfScope++;
                outOfScopeRight += answered is null ? 1 : 0;
            }
            else
            {
                topics++;
                topicsRight += answered == label ? 1 : 0;
            }
        }

        var topicShare = topics == 0 ? 1 : (double)topicsRight / topics;
        var outOfScopeShare = outOfScope == 0 ? 1 : (double)outOfScopeRight / outOfScope;
        return new CalibrationResult(thresholds, topicShare, outOfScopeShare);
    }
}
