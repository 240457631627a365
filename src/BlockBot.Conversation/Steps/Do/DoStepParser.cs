using BlockBot.Conversation.Dialogs.Loading;
using static BlockBot.Conversation.Dialogs.Loading.DialogYamlReader;

namespace BlockBot.Conversation.Steps.Do;

/// <summary><c>- do: action_name</c> with its arguments beside it in <c>with: { name: value }</c>.</summary>
internal static class DoStepParser
{
    public static DoStep Parse(StepNode node, DialogYamlReader yaml) =>
        new(
            node.Id,
            node.Location,
            Scalar(node.Body),
            Child(node.Step, "with") is { } args ? yaml.StringMap(args, "with") : new Dictionary<string, string>());
}
