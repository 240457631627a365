using System.Text;
using BlockBot.Conversation.Dialogs.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BlockBot.Conversation.Dialogs.Loading;

/// <summary>
/// Reads one dialog file into the model, keeping every node's line so that problems name it.
/// Shape errors are collected, not thrown; cross-file checks are <see cref="DialogValidator"/>'s.
/// </summary>
internal sealed partial class DialogFileParser
{
    private static readonly HashSet<string> StepKinds = ["say", "ask", "branch", "do", "wait", "goto", "end"];
    private readonly string _file;
    private readonly List<DialogProblem> _problems;

    private DialogFileParser(string file, List<DialogProblem> problems)
    {
        _file = file;
        _problems = problems;
    }

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

    private YamlMappingNode? LoadRoot(TextReader reader)
    {
        var stream = new YamlStream();
        var scanner = new Scanner(reader);
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException e)
        {
            Problem(e.Start.Line, $"not valid YAML: {e.InnerException?.Message ?? e.Message}");
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's scanner and node loader fail this way, without a position, on some broken input such as a
            // { or [ never closed, or a stray document marker inside a list.
            Problem((int)scanner.CurrentPosition.Line, "not valid YAML: the text breaks off here; is a { … } or [ … ] above left open, or a quote unclosed?");
            return null;
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Problem(1, "the file must hold one YAML mapping");
            return null;
        }

        return root;
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
        var expected = Path.GetFileNameWithoutExtension(_file);
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

        var kinds = map.Children.Keys.Select(Scalar).Where(k => k is not "id" and not "with" and not "events").ToList();
        var id = Child(map, "id") is { } idNode ? Scalar(idNode) : null;
        var location = Location(map);
        if (kinds.Count != 1)
        {
            Problem(map, kinds.Count == 0
                ? "a step needs one kind: say, ask, branch, do, wait, goto or end"
                : $"a step has exactly one kind, found: {string.Join(", ", kinds)}");
            return null;
        }

        var kind = kinds[0];
        if (!StepKinds.Contains(kind))
        {
            Problem(map, $"unknown step kind '{kind}' (known: {string.Join(", ", StepKinds)})");
            return null;
        }

        if (kind != "do" && Child(map, "with") is { } with)
        {
            Problem(with, "'with' belongs to 'do' steps");
        }

        if (kind != "ask" && Child(map, "events") is { } events)
        {
            Problem(events, "'events' next to a step belongs to 'ask' steps (a 'wait' lists its events inside)");
        }

        var body = Child(map, kind)!;
        return kind switch
        {
            "say" => Text(body, "say") is { } text ? new SayStep(id, location, text) : null,
            "ask" => Ask(id, location, body, Child(map, "events")),
            "branch" => Branch(id, location, body),
            "do" => new DoStep(id, location, Scalar(body), Child(map, "with") is { } args ? StringMap(args, "with") : new Dictionary<string, string>()),
            "wait" => Wait(id, location, body),
            "goto" => new GotoStep(id, location, Scalar(body)),
            "end" => End(id, location, body),
            _ => null,
        };
    }

    private AskStep? Ask(string? id, SourceLocation location, YamlNode body, YamlNode? eventsNode)
    {
        if (body is not YamlMappingNode map)
        {
            Problem(body, "'ask' must be a mapping with text, yesno or choice");
            return null;
        }

        Known(map, "text", "yesno", "choice", "save", "prompt", "hint", "why", "events");
        var save = RequiredScalar(map, "save");
        var prompt = Child(map, "prompt") is { } promptNode ? Text(promptNode, "prompt") : null;
        if (prompt is null && Child(map, "prompt") is null)
        {
            Problem(map, "'ask' needs a 'prompt'");
        }

        var hint = Child(map, "hint") is { } hintNode ? Text(hintNode, "hint") : null;
        var reason = Child(map, "why") is { } whyNode ? Text(whyNode, "why") : null;
        if (Child(map, "events") is { } inner)
        {
            if (eventsNode is not null)
            {
                Problem(inner, "give 'events' once: inside 'ask' or beside it");
            }

            eventsNode = inner;
        }

        var events = eventsNode is null ? new Dictionary<string, string>() : StringMap(eventsNode, "events");
        var forms = new[] { "text", "yesno", "choice" }.Where(f => Child(map, f) is not null).ToList();
        if (forms.Count != 1)
        {
            Problem(map, "'ask' needs exactly one of: text, yesno, choice");
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
                    Known(limitMap, "min", "max");
                    min = Child(limitMap, "min") is { } minNode ? Number(minNode) : 1;
                    max = Child(limitMap, "max") is { } maxNode ? Number(maxNode) : 1000;
                    if (min < 1 || max < min)
                    {
                        Problem(limitMap, $"text limits need 1 <= min <= max, found min {min}, max {max}");
                    }
                }
                else
                {
                    Problem(limits, "'text' takes { min: N, max: N }");
                }

                break;
            case "choice":
                kind = AskKind.Choice;
                choices = Choices(Child(map, "choice")!);
                break;
        }

        if (save is null || prompt is null)
        {
            return null;
        }

        return new AskStep(id, location, kind, save, prompt, hint, min, max, choices, events) { Reason = reason };
    }

    private List<ChoiceOption> Choices(YamlNode node)
    {
        var choices = new List<ChoiceOption>();
        if (node is not YamlSequenceNode sequence || sequence.Children.Count == 0)
        {
            Problem(node, "'choice' must be a non-empty list of { value, text, goto? }");
            return choices;
        }

        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode option)
            {
                Problem(item, "a choice must be a mapping { value, text, goto? }");
                continue;
            }

            Known(option, "value", "text", "goto");
            var value = RequiredScalar(option, "value");
            var text = Child(option, "text") is { } textNode ? Text(textNode, "choice text") : null;
            if (text is null && Child(option, "text") is null)
            {
                Problem(option, "a choice needs 'text'");
            }

            var target = Child(option, "goto") is { } gotoNode ? Scalar(gotoNode) : null;
            if (value is not null && text is not null)
            {
                if (value == "0")
                {
                    Problem(option, "'0' cannot be a choice value (Bitrix24 hands the chat to operators on 0)");
                }

                if (Encoding.UTF8.GetByteCount(value) > ChoiceOption.MaxValueBytes)
                {
                    Problem(option, $"the choice value '{value}' is {Encoding.UTF8.GetByteCount(value)} bytes in UTF-8; at most {ChoiceOption.MaxValueBytes} (a Telegram button carries at most 64 bytes)");
                }

                choices.Add(new ChoiceOption(value, text, target, Location(option)));
            }
        }

        foreach (var duplicate in choices.GroupBy(c => c.Value).Where(g => g.Count() > 1))
        {
            Problem(duplicate.Last().Location, $"choice value '{duplicate.Key}' appears twice");
        }

        return choices;
    }

    private BranchStep? Branch(string? id, SourceLocation location, YamlNode body)
    {
        if (body is not YamlMappingNode map)
        {
            Problem(body, "'branch' must be a mapping { on, cases, empty?, else? }");
            return null;
        }

        Known(map, "on", "cases", "empty", "else");
        var on = RequiredScalar(map, "on");
        var cases = Child(map, "cases") is { } casesNode ? StringMap(casesNode, "cases") : new Dictionary<string, string>();
        var empty = Child(map, "empty") is { } emptyNode ? Scalar(emptyNode) : null;
        var otherwise = Child(map, "else") is { } elseNode ? Scalar(elseNode) : null;
        if (cases.Count == 0 && empty is null)
        {
            Problem(map, "'branch' needs 'cases' or 'empty'");
        }

        return on is null ? null : new BranchStep(id, location, on, cases, empty, otherwise);
    }

    private WaitStep? Wait(string? id, SourceLocation location, YamlNode body)
    {
        if (body is not YamlMappingNode map)
        {
            Problem(body, "'wait' must be a mapping { events, reply? }");
            return null;
        }

        Known(map, "events", "reply");
        var events = Child(map, "events") is { } eventsNode ? StringMap(eventsNode, "events") : new Dictionary<string, string>();
        if (events.Count == 0)
        {
            Problem(map, "'wait' needs at least one event under 'events'");
        }

        var reply = Child(map, "reply") is { } replyNode ? Text(replyNode, "reply") : null;
        return new WaitStep(id, location, events, reply);
    }

    private EndStep? End(string? id, SourceLocation location, YamlNode body)
    {
        if (body is YamlScalarNode { Value: null or "" or "~" })
        {
            return new EndStep(id, location, null);
        }

        if (body is not YamlMappingNode map)
        {
            Problem(body, "'end' takes {} or { start: dialog }");
            return null;
        }

        Known(map, "start");
        return new EndStep(id, location, Child(map, "start") is { } start ? Scalar(start) : null);
    }

    private LocalizedText? Text(YamlNode node, string what)
    {
        if (node is not YamlMappingNode map)
        {
            Problem(node, $"{what} must be {{ ru: \"…\", en: \"…\" }}");
            return null;
        }

        Known(map, Languages.All.ToArray());
        string? ru = null, en = null;
        foreach (var language in Languages.All)
        {
            var value = Child(map, language) is YamlScalarNode scalar ? scalar.Value : null;
            if (string.IsNullOrWhiteSpace(value))
            {
                Problem(map, $"{what} is missing its '{language}' text");
                continue;
            }

            if (language == Languages.Russian)
            {
                ru = value.TrimEnd();
            }
            else
            {
                en = value.TrimEnd();
            }
        }

        return ru is null || en is null ? null : new LocalizedText(ru, en, Location(map));
    }

    private Dictionary<string, string> StringMap(YamlNode node, string what)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is not YamlMappingNode map)
        {
            Problem(node, $"'{what}' must be a mapping");
            return result;
        }

        foreach (var (key, value) in map.Children)
        {
            if (value is not YamlScalarNode)
            {
                Problem(value, $"'{what}.{Scalar(key)}' must be a single value");
                continue;
            }

            result[Scalar(key)] = Scalar(value);
        }

        return result;
    }

    private List<string> ScalarList(YamlNode node, string what)
    {
        if (node is YamlSequenceNode sequence && sequence.Children.All(c => c is YamlScalarNode))
        {
            return sequence.Children.Select(Scalar).ToList();
        }

        Problem(node, $"'{what}' must be a list of words");
        return [];
    }

    private string? RequiredScalar(YamlMappingNode map, string key)
    {
        if (Child(map, key) is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value;
        }

        Problem(Child(map, key) ?? map, $"'{key}' is required");
        return null;
    }

    private int Number(YamlNode node)
    {
        if (int.TryParse(Scalar(node), out var number))
        {
            return number;
        }

        Problem(node, $"'{Scalar(node)}' is not a whole number");
        return 0;
    }

    private bool Boolean(YamlNode node)
    {
        switch (Scalar(node).ToLowerInvariant())
        {
            case "true" or "yes":
                return true;
            case "false" or "no":
                return false;
            default:
                Problem(node, "expected true or false");
                return false;
        }
    }

    private void Known(YamlMappingNode map, params string[] keys)
    {
        foreach (var key in map.Children.Keys)
        {
            if (!keys.Contains(Scalar(key)))
            {
                Problem(key, $"unknown key '{Scalar(key)}' (expected: {string.Join(", ", keys)})");
            }
        }
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string Scalar(YamlNode node) => node is YamlScalarNode scalar ? scalar.Value ?? string.Empty : string.Empty;

    private SourceLocation Location(YamlNode node) => new(_file, (int)node.Start.Line);

    private void Problem(YamlNode node, string message) => Problem((int)node.Start.Line, message);

    private void Problem(SourceLocation location, string message) => _problems.Add(new DialogProblem(location, message));

    private void Problem(long line, string message) => _problems.Add(new DialogProblem(new SourceLocation(_file, (int)Math.Max(1, line)), message));
}
