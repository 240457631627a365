namespace BlockBot.Conversation.Understanding;

/// <summary>What the understanding made of one labelled message: <see cref="Chosen"/> is a topic id, "none" or "line".</summary>
public sealed record LabelledOutcome(LabelledMessage Message, string Chosen, Interpretation Interpretation)
{
    public bool Right => Chosen == Message.Label;
}
