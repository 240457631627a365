using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Conversation.Steps;
using YamlDotNet.RepresentationModel;

namespace BlockBot.Conversation.Dialogs.Loading;

/// <summary>
/// Reads one dialog file into the model: its header and triggers here, each step by its kind's parser
/// (<see cref="StepKinds"/>). Shape errors are collected, not thrown; cross-file checks are <see cref="DialogValidator"/>'s.
/// </summary>
internal sealed partial class DialogFileParser(string file, List<DialogProblem> problems) : DialogYamlReader(file, problems)
{
    private static readonly IReadOnlySet<string> SiblingKeys =
        StepKinds.All.SelectMany(k => k.SiblingKeys.Keys).Append("id").ToHashSet(StringComparer.Ordinal);

    public static DialogDefinition? ParseDialog(string file, TextReader reader, List<DialogProblem> problems)
    {
        var parser = new DialogFileParser(file, problems);
        var root = parser.LoadRoot(reader);
        return root is null ? null : parser.Dialog(root);
    }

    public static IReadOnlyDictionary<string, LocalizedText>? ParseTexts(string file, TextReader reader, List<DialogProblem> problems)
    {
        var parser = new DialogFileParser(file, problems);
        var root = parser.LoadRoot(reader);
        return root is null ? null : parser.Texts(root);
    }

    private IReadOnlyDictionary<string, LocalizedText> Texts(YamlMappingNode root)
    {
        Known(root, "texts");
        var texts = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        if (Child(root, "texts") is not { } node)
        {
            Problem(root, "missing 'texts:'");
            return texts;
        }

        if (node is not YamlMappingNode map)
        {
            Problem(node, "'texts:' must be a mapping of key → { ru, en }");
            return texts;
        }

        foreach (var (key, value) in map.Children)
        {
            if (Text(value, $"text '{Scalar(key)}'") is { } text)
            {
                texts[Scalar(key)] = text;
            }
        }

        return texts;
    }

    private DialogDefinition? Dialog(YamlMappingNode root)
    {
        Known(root, "dialog", "title", "menu", "triggers", "steps");
        var id = RequiredScalar(root, "dialog");
        var expected = Path.GetFileNameWithoutExtension(File);
        if (id is not null && id != expected)
        {
            Problem(Child(root, "dialog")!, $"'dialog: {id}' must equal the file name '{expected}'");
        }

        var title = Child(root, "title") is { } titleNode ? Text(titleNode, "title") : null;
        int? menu = null;
        if (Child(root, "menu") is { } menuNode)
        {
            if (int.TryParse(Scalar(menuNode), out var position) && position > 0)
            {
                menu = position;
                if (title is null)
                {
                    Problem(menuNode, "a dialog on the menu needs a 'title'");
                }
            }
            else
            {
                Problem(menuNode, "'menu' must be a positive whole number");
            }
        }

        var triggers = Child(root, "triggers") is { } triggerNode ? Triggers(triggerNode) : DialogTriggers.None;
        var steps = new List<DialogStep>();
        if (Child(root, "steps") is YamlSequenceNode sequence)
        {
            foreach (var stepNode in sequence.Children)
            {
                if (Step(stepNode) is { } step)
                {
                    steps.Add(step);
                }
            }

            if (sequence.Children.Count == 0)
            {
                Problem(sequence, "'steps' is empty");
            }
        }
        else
        {
            Problem(Child(root, "steps") ?? root, "'steps' must be a list of steps");
        }

        return new DialogDefinition(id ?? expected, title, menu, triggers, steps, Location(root));
    }

    private DialogTriggers Triggers(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            Problem(node, "'triggers' must be a mapping");
            return DialogTriggers.None;
        }

        Known(map, "commands", "keywords", "interrupt");
        var commands = new List<string>();
        if (Child(map, "commands") is { } commandsNode)
        {
            foreach (var command in ScalarList(commandsNode, "commands"))
            {
                if (!command.StartsWith('/') || command.Length < 2 || command.Contains(' ', StringComparison.Ordinal))
                {
                    Problem(commandsNode, $"command '{command}' must look like /word");
                }

                commands.Add(command.ToLowerInvariant());
            }
        }

        var keywords = new Dictionary<string, IReadOnlyList<string>>();
        if (Child(map, "keywords") is { } keywordsNode)
        {
            if (keywordsNode is YamlMappingNode byLanguage)
            {
                Known(byLanguage, Languages.All.ToArray());
                foreach (var language in Languages.All)
                {
                    keywords[language] = Child(byLanguage, language) is { } list
                        ? ScalarList(list, $"keywords.{language}").Select(k => k.ToLowerInvariant()).ToList()
                        : [];
                }
            }
            else
            {
                Problem(keywordsNode, "'keywords' must map ru and en to lists");
            }
        }

        var interrupt = Child(map, "interrupt") is { } interruptNode && Boolean(interruptNode);
        return new DialogTriggers(commands, keywords, interrupt);
    }

    private DialogStep? Step(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            Problem(node, "a step must be a mapping such as '- say: {ru: …, en: …}'");
            return null;
        }

        var kinds = map.Children.Keys.Select(Scalar).Where(k => !SiblingKeys.Contains(k)).ToList();
        var id = Child(map, "id") is { } idNode ? Scalar(idNode) : null;
        var location = Location(map);
        if (kinds.Count != 1)
        {
            var keys = StepKinds.All.Select(k => k.Key).ToList();
            Problem(map, kinds.Count == 0
                ? $"a step needs one kind: {string.Join(", ", keys[..^1])} or {keys[^1]}"
                : $"a step has exactly one kind, found: {string.Join(", ", kinds)}");
            return null;
        }

        if (!StepKinds.ByKey.TryGetValue(kinds[0], out var kind))
        {
            Problem(map, $"unknown step kind '{kinds[0]}' (known: {string.Join(", ", StepKinds.All.Select(k => k.Key))})");
            return null;
        }

        foreach (var other in StepKinds.All.Where(k => k != kind))
        {
            foreach (var (key, problem) in other.SiblingKeys)
            {
                if (Child(map, key) is { } misplaced)
                {
                    Problem(misplaced, problem);
                }
            }
        }

        return kind.Parse(new StepNode(id, location, Child(map, kind.Key)!, map), this);
    }
}
