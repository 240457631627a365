namespace BlockBot.Conversation.Understanding;

/// <summary>What the bot does after answering a question.</summary>
public enum FollowUpKind
{
    /// <summary>Nothing: the customer stays where they were.</summary>
    None,

    /// <summary>Start a dialog, when none runs (or the customer is at the menu).</summary>
    Start,

    /// <summary>Offer a dialog with Yes/No buttons, when none runs.</summary>
    Offer,

    /// <summary>Offer a person (a "talk to a person" button).</summary>
    OfferPerson,

    /// <summary>Run one of the engine's built-in commands (/status).</summary>
    Command,
}
