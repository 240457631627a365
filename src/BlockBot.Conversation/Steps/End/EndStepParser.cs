using BlockBot.Conversation.Dialogs.Loading;
using static BlockBot.Conversation.Dialogs.Loading.DialogYamlReader;
using YamlDotNet.RepresentationModel;

namespace BlockBot.Conversation.Steps.End;

/// <summary><c>- end: {}</c> or <c>- end: { start: dialog }</c></summary>
internal static class EndStepParser
{
    public static EndStep? Parse(StepNode node, DialogYamlReader yaml)
    {
        if (node.Body is YamlScalarNode { Value: null or "" or "~" })
        {
            return new EndStep(node.Id, node.Location, null);
        }

        if (node.Body is not YamlMappingNode map)
        {
            yaml.Problem(node.Body, "'end' takes {} or { start: dialog }");
            return null;
        }

        yaml.Known(map, "start");
        return new EndStep(node.Id, node.Location, Child(map, "start") is { } start ? Scalar(start) : null);
    }
}
