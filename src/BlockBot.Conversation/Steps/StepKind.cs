using BlockBot.Conversation.Dialogs.Loading;
using BlockBot.Conversation.Dialogs.Model;

namespace BlockBot.Conversation.Steps;

/// <summary>
/// One kind of step as the engine knows it: the key a dialog file names it by, how its node is read, what is checked
/// once every file is read, and which classes run it and take the customer's answer while parked on it.
/// </summary>
/// <param name="Parse">Reads the step; returns null (with a problem recorded) when it cannot.</param>
/// <param name="Runner">An <see cref="IStepRunner"/> type, resolved from the container.</param>
internal sealed record StepKind(string Key, Type StepType, Func<StepNode, DialogYamlReader, DialogStep?> Parse, Type Runner)
{
    /// <summary>Checks against the other dialogs, the actions and the known events; null when the kind has none.</summary>
    public Action<DialogStep, StepChecks>? Validate { get; init; }

    /// <summary>An <see cref="IStepAnswer"/> type for kinds the conversation parks on and the customer answers.</summary>
    public Type? Answer { get; init; }

    /// <summary>Keys this kind accepts beside its own key in the step's mapping, each with the problem it is beside another kind.</summary>
    public IReadOnlyDictionary<string, string> SiblingKeys { get; init; } = new Dictionary<string, string>();
}
