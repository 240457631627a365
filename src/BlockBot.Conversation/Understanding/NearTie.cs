namespace BlockBot.Conversation.Understanding;

/// <summary>
/// Whether the best topic is clearly ahead of the runner-up. Closer than the margin, the topic whose examples use the
/// message's words far more often (<see cref="TopicMatch.LeadOverNext"/>) is taken; otherwise the customer is asked.
/// </summary>
public static class NearTie
{
    public static (TopicMatch Top, TopicMatch? Second, bool Clear) Resolve(TopicMatch top, TopicMatch? second, double margin, double leaning)
    {
        if (second is null || second.Score < top.Score * margin)
        {
            return (top, second, true);
        }

        if (top.LeadOverNext >= leaning)
        {
            return (top, second, true);
        }

        if (-top.LeadOverNext >= leaning)
        {
            // The runner-up is the better reading; it takes the top place and score.
            return (second with { Score = top.Score, LeadOverNext = -top.LeadOverNext }, top with { LeadOverNext = 0 }, true);
        }

        return (top, second, false);
    }
}
