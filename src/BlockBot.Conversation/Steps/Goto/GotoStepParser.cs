using BlockBot.Conversation.Dialogs.Loading;
using static BlockBot.Conversation.Dialogs.Loading.DialogYamlReader;

namespace BlockBot.Conversation.Steps.Goto;

/// <summary><c>- goto: step_id</c></summary>
internal static class GotoStepParser
{
    public static GotoStep Parse(StepNode node, DialogYamlReader yaml) =>
        new(node.Id, node.Location, Scalar(node.Body));
}
