using BlockBot.Conversation.Dialogs.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BlockBot.Conversation.Dialogs.Loading;

/// <summary>
/// Reads the nodes of one file of the dialogs folder, keeping each node's line so that problems name it. Shape
/// errors are collected, not thrown. The dialog file parser and every step kind's parser read through it.
/// </summary>
internal abstract class DialogYamlReader(string file, List<DialogProblem> problems)
{
    /// <summary>The file's path as problems name it.</summary>
    public string File { get; } = file;

    public static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public static string Scalar(YamlNode node) => node is YamlScalarNode scalar ? scalar.Value ?? string.Empty : string.Empty;

    public YamlMappingNode? LoadRoot(TextReader reader)
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

    public LocalizedText? Text(YamlNode node, string what)
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

    public Dictionary<string, string> StringMap(YamlNode node, string what)
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

    public List<string> ScalarList(YamlNode node, string what)
    {
        if (node is YamlSequenceNode sequence && sequence.Children.All(c => c is YamlScalarNode))
        {
            return sequence.Children.Select(Scalar).ToList();
        }

        Problem(node, $"'{what}' must be a list of words");
        return [];
    }

    public string? RequiredScalar(YamlMappingNode map, string key)
    {
        if (Child(map, key) is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value;
        }

        Problem(Child(map, key) ?? map, $"'{key}' is required");
        return null;
    }

    public int Number(YamlNode node)
    {
        if (int.TryParse(Scalar(node), out var number))
        {
            return number;
        }

        Problem(node, $"'{Scalar(node)}' is not a whole number");
        return 0;
    }

    public bool Boolean(YamlNode node)
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

    public void Known(YamlMappingNode map, params string[] keys)
    {
        foreach (var key in map.Children.Keys)
        {
            if (!keys.Contains(Scalar(key)))
            {
                Problem(key, $"unknown key '{Scalar(key)}' (expected: {string.Join(", ", keys)})");
            }
        }
    }

    public SourceLocation Location(YamlNode node) => new(File, (int)node.Start.Line);

    public void Problem(YamlNode node, string message) => Problem((int)node.Start.Line, message);

    public void Problem(SourceLocation location, string message) => problems.Add(new DialogProblem(location, message));

    public void Problem(long line, string message) => problems.Add(new DialogProblem(new SourceLocation(File, (int)Math.Max(1, line)), message));
}
