namespace BlockBot.Conversation.Engine;

/// <summary>Where a customer's free text arrived, which decides how readily it is taken for a question.</summary>
internal enum TextPlace
{
    /// <summary>No dialog runs: the message is what the customer wants.</summary>
    Start,

    /// <summary>At a choice (the menu among them), and the text is none of the choices.</summary>
    Choice,

    /// <summary>At a yes/no question, and the text is neither: as at a free-text question, only a clear question is taken for one.</summary>
    YesNo,

    /// <summary>At a free-text question (the line's name): only a clear question is not the answer.</summary>
    FreeText,

    /// <summary>While the dialog waits for an event: a scheduled one, or a person's decision.</summary>
    Waiting,

    /// <summary>While a person works for the customer: messages are for them, only a plain question is answered too.</summary>
    WaitingWithPerson,
}
