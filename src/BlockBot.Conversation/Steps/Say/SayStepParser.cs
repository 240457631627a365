using BlockBot.Conversation.Dialogs.Loading;

namespace BlockBot.Conversation.Steps.Say;

/// <summary><c>- say: { ru: …, en: … }</c></summary>
internal static class SayStepParser
{
    public static SayStep? Parse(StepNode node, DialogYamlReader yaml) =>
        yaml.Text(node.Body, "say") is { } text ? new SayStep(node.Id, node.Location, text) : null;
}
