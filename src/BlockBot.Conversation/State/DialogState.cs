namespace BlockBot.Conversation.State;

/// <summary>Where a conversation stands, kept in Bot Builder's ConversationState.</summary>
public sealed class DialogState
{
    /// <summary>Running dialogs; the last one is on top. Interrupting dialogs sit above the one they interrupted.</summary>
    public List<DialogFrame> Stack { get; set; } = [];

    /// <summary>Values the dialogs saved (answers, action results), shared by every dialog of the conversation.</summary>
    public Dictionary<string, string> Values { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Unusable answers to the current question in a row.</summary>
    public int Misses { get; set; }

    /// <summary>True after the "talk to a person" button was offered for the current question.</summary>
    public bool PersonOffered { get; set; }

    /// <summary>
    /// The buttons of the bot's last "Did you mean" or offer (<c>topic:causes</c>, <c>dialog:appeal</c>, …), so a
    /// typed number or title picks one. Cleared by the next message.
    /// </summary>
    public List<string> Suggestions { get; set; } = [];

    public DialogFrame? Top => Stack.Count == 0 ? null : Stack[^1];

    public void Clear()
    {
        Stack.Clear();
        Values.Clear();
        ResetMisses();
    }

    public void ResetMisses()
    {
        Misses = 0;
        PersonOffered = false;
    }
}
