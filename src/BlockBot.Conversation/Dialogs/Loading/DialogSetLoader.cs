using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Conversation.Understanding;

namespace BlockBot.Conversation.Dialogs.Loading;

/// <summary>Loads and validates every file of a dialogs folder; any problem fails the whole load.</summary>
public sealed class DialogSetLoader(IEnumerable<IDialogAction> actions, IKnownEvents knownEvents, IEnumerable<IStatusReport> statusReports)
{
    public const string TextsFileName = "texts.yaml";
    public const string QuestionsFileName = "questions.yaml";

    /// <summary>Commands the engine handles itself; dialogs may not claim them.</summary>
    public static readonly IReadOnlySet<string> BuiltInCommands = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "/help", "/cancel", "/status", "/lang",
    };

    /// <exception cref="DialogLoadException">A file is missing, malformed or inconsistent.</exception>
    public DialogSet Load(string directory)
    {
        var problems = new List<DialogProblem>();
        if (!Directory.Exists(directory))
        {
            throw new DialogLoadException([new DialogProblem(new SourceLocation(directory, 1), "the dialogs folder does not exist")]);
        }

        var textsPath = Path.Combine(directory, TextsFileName);
        var textsLocation = new SourceLocation(textsPath, 1);
        IReadOnlyDictionary<string, LocalizedText> texts = new Dictionary<string, LocalizedText>();
        if (File.Exists(textsPath))
        {
            using var reader = File.OpenText(textsPath);
            texts = DialogFileParser.ParseTexts(textsPath, reader, problems) ?? texts;
        }
        else
        {
            problems.Add(new DialogProblem(textsLocation, "texts.yaml is missing"));
        }

        var dialogs = new List<DialogDefinition>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(path) is TextsFileName or QuestionsFileName)
            {
                continue;
            }

            using var reader = File.OpenText(path);
            if (DialogFileParser.ParseDialog(path, reader, problems) is { } dialog)
            {
                dialogs.Add(dialog);
            }
        }

        IReadOnlyList<QuestionEntry> questions = [];
        var questionsPath = Path.Combine(directory, QuestionsFileName);
        if (File.Exists(questionsPath))
        {
            using var reader = File.OpenText(questionsPath);
            questions = DialogFileParser.ParseQuestions(questionsPath, reader, problems) ?? questions;
        }

        var actionsByName = actions.ToDictionary(a => a.Name, StringComparer.Ordinal);
        new DialogValidator(actionsByName, knownEvents.Names, BuiltInCommands, statusReports.SelectMany(r => r.TextKeys)).Validate(dialogs, texts, textsLocation, problems);
        QuestionValidator.Validate(questions, dialogs.ToDictionary(d => d.Id, StringComparer.Ordinal), BuiltInCommands, problems);
        if (problems.Count > 0)
        {
            throw new DialogLoadException(problems.OrderBy(p => p.Location.File, StringComparer.Ordinal).ThenBy(p => p.Location.Line).ToList());
        }

        return new DialogSet(dialogs.ToDictionary(d => d.Id, StringComparer.Ordinal), texts, new QuestionBook(questions));
    }
}
