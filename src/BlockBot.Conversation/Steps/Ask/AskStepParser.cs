using System.Text;
using BlockBot.Conversation.Dialogs.Loading;
using YamlDotNet.RepresentationModel;
using static BlockBot.Conversation.Dialogs.Loading.DialogYamlReader;

namespace BlockBot.Conversation.Steps.Ask;

/// <summary>
/// <c>- ask: { text | yesno | choice, save, prompt, hint?, why?, events? }</c>; <c>events</c> may also stand beside
/// <c>ask</c> in the step.
/// </summary>
internal static class AskStepParser
{
    public static AskStep? Parse(StepNode node, DialogYamlReader yaml)
    {
        if (node.Body is not YamlMappingNode map)
        {
            yaml.Problem(node.Body, "'ask' must be a mapping with text, yesno or choice");
            return null;
        }

        yaml.Known(map, "text", "yesno", "choice", "save", "prompt", "hint", "why", "events");
        var save = yaml.RequiredScalar(map, "save");
        var prompt = Child(map, "prompt") is { } promptNode ? yaml.Text(promptNode, "prompt") : null;
        if (prompt is null && Child(map, "prompt") is null)
        {
            yaml.Problem(map, "'ask' needs a 'prompt'");
        }

        var hint = Child(map, "hint") is { } hintNode ? yaml.Text(hintNode, "hint") : null;
        var reason = Child(map, "why") is { } whyNode ? yaml.Text(whyNode, "why") : null;
        var eventsNode = Child(node.Step, "events");
        if (Child(map, "events") is { } inner)
        {
            if (eventsNode is not null)
            {
                yaml.Problem(inner, "give 'events' once: inside 'ask' or beside it");
            }

            eventsNode = inner;
        }

        var events = eventsNode is null ? new Dictionary<string, string>() : yaml.StringMap(eventsNode, "events");
        var forms = new[] { "text", "yesno", "choice" }.Where(f => Child(map, f) is not null).ToList();
        if (forms.Count != 1)
        {
            yaml.Problem(map, "'ask' needs exactly one of: text, yesno, choice");
            return null;
        }

        var kind = AskKind.YesNo;
        int min = 0, max = 0;
        var choices = new List<ChoiceOption>();
        switch (forms[0])
        {
            case "text":
                kind = AskKind.Text;
                var limits = Child(map, "text")!;
                if (limits is YamlMappingNode limitMap)
                {
                    yaml.Known(limitMap, "min", "max");
                    min = Child(limitMap, "min") is { } minNode ? yaml.Number(minNode) : 1;
                    max = Child(limitMap, "max") is { } maxNode ? yaml.Number(maxNode) : 1000;
                    if (min < 1 || max < min)
                    {
                        yaml.Problem(limitMap, $"text limits need 1 <= min <= max, found min {min}, max {max}");
                    }
                }
                else
                {
                    yaml.Problem(limits, "'text' takes { min: N, max: N }");
                }

                break;
            case "choice":
                kind = AskKind.Choice;
                choices = Choices(Child(map, "choice")!, yaml);
                break;
        }

        if (save is null || prompt is null)
        {
            return null;
        }

        return new AskStep(node.Id, node.Location, kind, save, prompt, hint, min, max, choices, events) { Reason = reason };
    }

    private static List<ChoiceOption> Choices(YamlNode node, DialogYamlReader yaml)
    {
        var choices = new List<ChoiceOption>();
        if (node is not YamlSequenceNode sequence || sequence.Children.Count == 0)
        {
            yaml.Problem(node, "'choice' must be a non-empty list of { value, text, goto? }");
            return choices;
        }

        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode option)
            {
                yaml.Problem(item, "a choice must be a mapping { value, text, goto? }");
                continue;
            }

            yaml.Known(option, "value", "text", "goto");
            var value = yaml.RequiredScalar(option, "value");
            var text = Child(option, "text") is { } textNode ? yaml.Text(textNode, "choice text") : null;
            if (text is null && Child(option, "text") is null)
            {
                yaml.Problem(option, "a choice needs 'text'");
            }

            var target = Child(option, "goto") is { } gotoNode ? Scalar(gotoNode) : null;
            if (value is not null && text is not null)
            {
                if (value == "0")
                {
                    yaml.Problem(option, "'0' cannot be a choice value (Bitrix24 hands the chat to operators on 0)");
                }

                if (Encoding.UTF8.GetByteCount(value) > ChoiceOption.MaxValueBytes)
                {
                    yaml.Problem(option, $"the choice value '{value}' is {Encoding.UTF8.GetByteCount(value)} bytes in UTF-8; at most {ChoiceOption.MaxValueBytes} (a Telegram button carries at most 64 bytes)");
                }

                choices.Add(new ChoiceOption(value, text, target, yaml.Location(option)));
            }
        }

        foreach (var duplicate in choices.GroupBy(c => c.Value).Where(g => g.Count() > 1))
        {
            yaml.Problem(duplicate.Last().Location, $"choice value '{duplicate.Key}' appears twice");
        }

        return choices;
    }
}
