namespace BlockBot.Conversation.State;

/// <summary>One running dialog and the step it is at (or parked on).</summary>
public sealed class DialogFrame
{
    public string DialogId { get; set; } = string.Empty;

    public int StepIndex { get; set; }
}
