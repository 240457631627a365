namespace BlockBot.Conversation.Steps.End;

/// <summary>The dialog an <c>end</c> step starts exists.</summary>
internal static class EndStepValidator
{
    public static void Validate(EndStep step, StepChecks checks)
    {
        if (step.Start is { } start && !checks.Dialogs.ContainsKey(start))
        {
            checks.Problem(step.Location, $"'end: start: {start}' names no dialog");
        }
    }
}
