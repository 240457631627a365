using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Conversation.Engine;
using BlockBot.Conversation.Understanding;

namespace BlockBot.Conversation.Dialogs.Loading;

/// <summary>Checks the questions file against itself and the dialogs: enough phrasings, no phrasing twice, real targets.</summary>
internal static class QuestionValidator
{
    /// <summary>Fewer phrasings than this in a language and unseen wordings rarely match.</summary>
    public const int MinimumExamplesPerLanguage = 5;

    public static void Validate(
        IReadOnlyList<QuestionEntry> entries,
        IReadOnlyDictionary<string, DialogDefinition> dialogs,
        IReadOnlySet<string> builtInCommands,
        List<DialogProblem> problems)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var phrasings = new Dictionary<string, (QuestionEntry Entry, QuestionExample Example)>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!ids.Add(entry.Id))
            {
                problems.Add(new DialogProblem(entry.Location, $"duplicate question id '{entry.Id}'"));
            }

            foreach (var language in Languages.All)
            {
                var count = entry.Examples.Count(e => e.Language == language);
                if (count < MinimumExamplesPerLanguage)
                {
                    problems.Add(new DialogProblem(entry.Location,
                        $"'{entry.Id}' has {count} '{language}' examples; at least {MinimumExamplesPerLanguage} are needed for unseen phrasings to match"));
                }
            }

            foreach (var example in entry.Examples)
            {
                var normalized = AnswerMatcher.Normalize(example.Text);
                if (phrasings.TryGetValue(normalized, out var first) && first.Entry != entry)
                {
                    problems.Add(new DialogProblem(example.Location,
                        $"the phrasing \"{example.Text}\" is under both '{first.Entry.Id}' ({first.Example.Location}) and '{entry.Id}'"));
                }
                else
                {
                    phrasings.TryAdd(normalized, (entry, example));
                }
            }

            ValidateFollowUp(entry, dialogs, builtInCommands, problems);
        }
    }

    private static void ValidateFollowUp(
        QuestionEntry entry,
        IReadOnlyDictionary<string, DialogDefinition> dialogs,
        IReadOnlySet<string> builtInCommands,
        List<DialogProblem> problems)
    {
        switch (entry.FollowUp.Kind)
        {
            case FollowUpKind.Start or FollowUpKind.Offer when !dialogs.ContainsKey(entry.FollowUp.Target ?? string.Empty):
                problems.Add(new DialogProblem(entry.Location, $"'{entry.Id}' names the unknown dialog '{entry.FollowUp.Target}'"));
                break;
            case FollowUpKind.Command when !builtInCommands.Contains(entry.FollowUp.Target ?? string.Empty):
                problems.Add(new DialogProblem(entry.Location,
                    $"'{entry.Id}' names '{entry.FollowUp.Target}', which is not a built-in command ({string.Join(", ", builtInCommands)})"));
                break;
        }
    }
}
