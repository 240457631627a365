namespace BlockBot.Conversation.Understanding;

/// <summary>What a customer's message was taken to ask, and how sure the bot is.</summary>
public sealed record Interpretation(Verdict Verdict, TopicMatch? Best, TopicMatch? RunnerUp)
{
    public static readonly Interpretation Nothing = new(Verdict.NotUnderstood, null, null);

    /// <summary>The topic answered without asking back, or null.</summary>
    public QuestionEntry? Confident => Verdict == Verdict.Confident ? Best?.Entry : null;

    /// <summary>The topics a "Did you mean" question offers (one or two).</summary>
    public IReadOnlyList<QuestionEntry> Candidates =>
        Verdict != Verdict.Unsure || Best is null ? []
        : RunnerUp is null ? [Best.Entry]
        : [Best.Entry, RunnerUp.Entry];
}
