using System.Globalization;
using System.Text;

namespace BlockBot.Conversation.Understanding;

/// <summary>The figures of a labelled check: accuracy by kind of message, precision and recall by topic, every miss.</summary>
public sealed class LabelledCheckReport(IReadOnlyList<LabelledOutcome> outcomes)
{
    public IReadOnlyList<LabelledOutcome> Outcomes { get; } = outcomes;

    /// <summary>Share of topic questions (not out-of-scope, not line names) answered with their own topic.</summary>
    public double QuestionAccuracy => Share(o => !IsSpecial(o.Message.Label));

    /// <summary>Share of out-of-scope messages recognised as such (not answered with a topic).</summary>
    public double OutOfScopeAccuracy => Share(o => o.Message.Label == LabelledMessage.OutOfScope);

    /// <summary>Share of line names taken as line names.</summary>
    public double LineNameAccuracy => Share(o => o.Message.Label == LabelledMessage.LineName);

    public double OverallAccuracy => Share(_ => true);

    public IReadOnlyList<LabelledOutcome> Misses => Outcomes.Where(o => !o.Right).ToList();

    public IReadOnlyList<TopicFigures> ByTopic() =>
        Outcomes.Select(o => o.Message.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(topic =>
            {
                var labelled = Outcomes.Count(o => o.Message.Label == topic);
                var chosen = Outcomes.Count(o => o.Chosen == topic);
                var right = Outcomes.Count(o => o.Message.Label == topic && o.Right);
                return new TopicFigures(topic, labelled, right, chosen == 0 ? 1 : (double)right / chosen, labelled == 0 ? 1 : (double)right / labelled);
            })
            .ToList();

    public string Format()
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"{Outcomes.Count} messages: {OverallAccuracy:P1} right");
        text.AppendLine(culture, $"  questions to the right topic: {QuestionAccuracy:P1}");
        text.AppendLine(culture, $"  out of scope recognised:     {OutOfScopeAccuracy:P1}");
        text.AppendLine(culture, $"  line names taken as names:   {LineNameAccuracy:P1}");
        text.AppendLine();
        text.AppendLine(culture, $"{"topic",-18} {"n",4} {"precision",10} {"recall",8}");
        foreach (var topic in ByTopic())
        {
            text.AppendLine(culture, $"{topic.Topic,-18} {topic.Count,4} {topic.Precision,10:P1} {topic.Recall,8:P1}");
        }

        if (Misses.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(culture, $"{Misses.Count} misses (line: expected → chosen, best score):");
            foreach (var miss in Misses)
            {
                var best = miss.Interpretation.Best is { } match ? $"{match.Entry.Id} {match.Score:0.00}" : "—";
                text.AppendLine(culture, $"  {miss.Message.Line}: {miss.Message.Label} → {miss.Chosen} ({best}): {miss.Message.Message}");
            }
        }

        return text.ToString();
    }

    private static bool IsSpecial(string label) => label is LabelledMessage.OutOfScope or LabelledMessage.LineName;

    private double Share(Func<LabelledOutcome, bool> which)
    {
        var selected = Outcomes.Where(which).ToList();
        return selected.Count == 0 ? 1 : (double)selected.Count(o => o.Right) / selected.Count;
    }
}
