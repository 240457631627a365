using BlockBot.Conversation.Understanding;

namespace BlockBot.Bench.Understanding;

/// <summary>
/// The product's <see cref="QuestionIndex"/> over some of the examples, ranking as a classifier does, so its thresholds
/// can be picked by the same cross-validation as ML.NET's. A message matching nothing ranks out_of_scope with 0.
/// </summary>
public sealed class LuceneRanker(QuestionIndex index, bool owned) : ITopicRanker
{
    public static LuceneRanker Build(IReadOnlyList<QuestionEntry> entries, IReadOnlyList<(string Text, string Label)> examples)
    {
        var kept = examples.ToLookup(e => e.Label, e => e.Text);
        var subset = entries
            .Select(e => e with { Examples = e.Examples.Where(x => kept[e.Id].Contains(x.Text)).ToList() })
            .ToList();
        return new LuceneRanker(new QuestionIndex(subset), owned: true);
    }

    public RankedClasses Rank(string message) => index.Rank(message) switch
    {
        [] => new RankedClasses(QuestionEntry.OutOfScopeId, 0, "", 0),
        [var best] => new RankedClasses(best.Entry.Id, best.Score, "", 0),
        [var best, var second, ..] => new RankedClasses(best.Entry.Id, best.Score, second.Entry.Id, second.Score),
    };

    public void Dispose()
    {
        if (owned)
        {
            index.Dispose();
        }
    }
}
