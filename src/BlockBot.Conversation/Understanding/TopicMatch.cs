namespace BlockBot.Conversation.Understanding;

/// <summary>A topic and how well a message matched it: 0 (nothing in common) to about 1 (its own words).</summary>
public sealed record TopicMatch(QuestionEntry Entry, double Score)
{
    /// <summary>
    /// On the best match only: how much likelier the message's words are in this topic's examples than in the
    /// runner-up's (natural log odds; negative leans to the runner-up). See <see cref="TopicWordCounts"/>.
    /// </summary>
    public double LeadOverNext { get; init; }

    /// <summary>Whether the message has a word of this topic's own (<see cref="TopicWordCounts.HasOwnWord"/>).</summary>
    public bool HasOwnWord { get; init; }
}
