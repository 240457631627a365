namespace BlockBot.Conversation.Understanding;

public enum Verdict
{
    /// <summary>One topic clearly: answer it.</summary>
    Confident,

    /// <summary>Close to one or two topics but not sure: ask "Did you mean…".</summary>
    Unsure,

    /// <summary>Nothing the questions file knows.</summary>
    NotUnderstood,
}
