using BlockBot.Conversation.Dialogs.Loading;
using static BlockBot.Conversation.Dialogs.Loading.DialogYamlReader;
using YamlDotNet.RepresentationModel;

namespace BlockBot.Conversation.Steps.Wait;

/// <summary><c>- wait: { events: { event: step }, reply?: { ru, en } }</c></summary>
internal static class WaitStepParser
{
    public static WaitStep? Parse(StepNode node, DialogYamlReader yaml)
    {
        if (node.Body is not YamlMappingNode map)
        {
            yaml.Problem(node.Body, "'wait' must be a mapping { events, reply? }");
            return null;
        }

        yaml.Known(map, "events", "reply");
        var events = Child(map, "events") is { } eventsNode ? yaml.StringMap(eventsNode, "events") : new Dictionary<string, string>();
        if (events.Count == 0)
        {
            yaml.Problem(map, "'wait' needs at least one event under 'events'");
        }

        var reply = Child(map, "reply") is { } replyNode ? yaml.Text(replyNode, "reply") : null;
        return new WaitStep(node.Id, node.Location, events, reply);
    }
}
