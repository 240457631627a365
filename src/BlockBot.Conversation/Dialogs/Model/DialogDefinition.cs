namespace BlockBot.Conversation.Dialogs.Model;

/// <summary>One dialog file: its triggers and its steps, in order.</summary>
public sealed record DialogDefinition(
    string Id,
    LocalizedText? Title,
    int? MenuPosition,
    DialogTriggers Triggers,
    IReadOnlyList<DialogStep> Steps,
    SourceLocation Location)
{
    /// <summary>The position of the step with this id, or -1.</summary>
    public int IndexOf(string stepId)
    {
        for (var i = 0; i < Steps.Count; i++)
        {
            if (Steps[i].Id == stepId)
            {
                return i;
            }
        }

        return -1;
    }
}
