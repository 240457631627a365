namespace BlockBot.Conversation.Steps.Do;

/// <summary>A <c>do</c> step names a known action and gives it only arguments it takes, with values it accepts.</summary>
internal static class DoStepValidator
{
    public static void Validate(DoStep step, StepChecks checks)
    {
        if (!checks.Actions.TryGetValue(step.Action, out var action))
        {
            checks.Problem(step.Location, $"unknown action '{step.Action}' (known: {string.Join(", ", checks.Actions.Keys.Order(StringComparer.Ordinal))})");
            return;
        }

        foreach (var argument in step.Arguments.Keys.Where(a => !action.Arguments.Contains(a)))
        {
            checks.Problem(step.Location, $"the action '{step.Action}' takes no argument '{argument}'");
        }

        if (action.CheckArguments(step.Arguments) is { } error)
        {
            checks.Problem(step.Location, $"the action '{step.Action}': {error}");
        }
    }
}
