using BlockBot.Conversation.Dialogs.Loading;
using static BlockBot.Conversation.Dialogs.Loading.DialogYamlReader;
using YamlDotNet.RepresentationModel;

namespace BlockBot.Conversation.Steps.Branch;

/// <summary><c>- branch: { on: value, cases: { value: step }, empty?: step, else?: step }</c></summary>
internal static class BranchStepParser
{
    public static BranchStep? Parse(StepNode node, DialogYamlReader yaml)
    {
        if (node.Body is not YamlMappingNode map)
        {
            yaml.Problem(node.Body, "'branch' must be a mapping { on, cases, empty?, else? }");
            return null;
        }

        yaml.Known(map, "on", "cases", "empty", "else");
        var on = yaml.RequiredScalar(map, "on");
        var cases = Child(map, "cases") is { } casesNode ? yaml.StringMap(casesNode, "cases") : new Dictionary<string, string>();
        var empty = Child(map, "empty") is { } emptyNode ? Scalar(emptyNode) : null;
        var otherwise = Child(map, "else") is { } elseNode ? Scalar(elseNode) : null;
        if (cases.Count == 0 && empty is null)
        {
            yaml.Problem(map, "'branch' needs 'cases' or 'empty'");
        }

        return on is null ? null : new BranchStep(node.Id, node.Location, on, cases, empty, otherwise);
    }
}
