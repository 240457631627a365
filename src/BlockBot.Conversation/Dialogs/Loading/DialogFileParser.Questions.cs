using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Conversation.Understanding;
using YamlDotNet.RepresentationModel;

namespace BlockBot.Conversation.Dialogs.Loading;

/// <summary>The questions file: what customers ask in their own words, and what the bot answers.</summary>
internal sealed partial class DialogFileParser
{
    public static IReadOnlyList<QuestionEntry>? ParseQuestions(string file, TextReader reader, List<DialogProblem> problems)
    {
        var parser = new DialogFileParser(file, problems);
        var root = parser.LoadRoot(reader);
        return root is null ? null : parser.Questions(root);
    }

    private List<QuestionEntry> Questions(YamlMappingNode root)
    {
        Known(root, "questions");
        var entries = new List<QuestionEntry>();
        if (Child(root, "questions") is not YamlSequenceNode sequence)
        {
            Problem(Child(root, "questions") ?? root, "'questions:' must be a list of entries");
            return entries;
        }

        foreach (var node in sequence.Children)
        {
            if (Question(node) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    private QuestionEntry? Question(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            Problem(node, "a question entry must be a mapping with id, title, examples and answer");
            return null;
        }

        Known(map, "id", "title", "small_talk", "examples", "answer", "answer_known", "then");
        var id = RequiredScalar(map, "id");
        var what = id is null ? "the entry" : $"'{id}'";
        var title = Child(map, "title") is { } titleNode ? Text(titleNode, $"the title of {what}") : null;
        if (Child(map, "title") is null)
        {
            Problem(map, $"{what} needs a 'title' (the text of its \"Did you mean\" button)");
        }

        var answer = Child(map, "answer") is { } answerNode ? Text(answerNode, $"the answer of {what}") : null;
        if (Child(map, "answer") is null)
        {
            Problem(map, $"{what} needs an 'answer'");
        }

        var examples = Child(map, "examples") is { } examplesNode ? Examples(examplesNode, what) : [];
        var known = Child(map, "answer_known") is { } knownNode ? KnownAnswers(knownNode, what) : [];
        var followUp = Child(map, "then") is { } thenNode ? FollowUp(thenNode, what) : QuestionFollowUp.None;
        if (id is null || title is null || answer is null)
        {
            return null;
        }

        return new QuestionEntry(id, Location(map), title, examples, answer, known, followUp)
        {
            SmallTalk = Child(map, "small_talk") is { } smallTalk && Boolean(smallTalk),
        };
    }

    private List<QuestionExample> Examples(YamlNode node, string what)
    {
        var examples = new List<QuestionExample>();
        if (node is not YamlMappingNode map)
        {
            Problem(node, $"the examples of {what} must be {{ ru: [...], en: [...] }}");
            return examples;
        }

        Known(map, Languages.All.ToArray());
        foreach (var language in Languages.All)
        {
            if (Child(map, language) is not YamlSequenceNode list)
            {
                Problem(Child(map, language) ?? map, $"the examples of {what} need a '{language}' list");
                continue;
            }

            foreach (var item in list.Children)
            {
                var text = Scalar(item).Trim();
                if (item is not YamlScalarNode || text.Length == 0)
                {
                    Problem(item, $"an example of {what} must be a non-empty line of text");
                    continue;
                }

                examples.Add(new QuestionExample(language, text, Location(item)));
            }
        }

        return examples;
    }

    private List<AnswerVariant> KnownAnswers(YamlNode node, string what)
    {
        var variants = new List<AnswerVariant>();
        if (node is not YamlSequenceNode list)
        {
            Problem(node, $"'answer_known' of {what} must be a list of {{ needs: [...], ru, en }}");
            return variants;
        }

        foreach (var item in list.Children.OfType<YamlMappingNode>())
        {
            Known(item, ["needs", .. Languages.All]);
            var needs = Child(item, "needs") is { } needsNode ? ScalarList(needsNode, "needs") : [];
            if (needs.Count == 0)
            {
                Problem(item, $"a variant of {what} needs 'needs: [fact, …]'");
            }

            var text = new YamlMappingNode(item.Children.Where(c => Scalar(c.Key) != "needs"));
            if (Text(text, $"a variant of {what}") is { } localized)
            {
                variants.Add(new AnswerVariant(needs, localized with { Location = Location(item) }));
            }
        }

        return variants;
    }

    private QuestionFollowUp FollowUp(YamlNode node, string what)
    {
        if (node is not YamlMappingNode { Children.Count: 1 } map)
        {
            Problem(node, $"'then' of {what} takes one of: start, offer, offer_person, command");
            return QuestionFollowUp.None;
        }

        var (key, value) = map.Children.Single();
        switch (Scalar(key))
        {
            case "start":
                return new QuestionFollowUp(FollowUpKind.Start, Scalar(value));
            case "offer":
                return new QuestionFollowUp(FollowUpKind.Offer, Scalar(value));
            case "offer_person":
                return Boolean(value) ? new QuestionFollowUp(FollowUpKind.OfferPerson, null) : QuestionFollowUp.None;
            case "command":
                return new QuestionFollowUp(FollowUpKind.Command, Scalar(value));
            default:
                Problem(key, $"'then' of {what} takes one of: start, offer, offer_person, command");
                return QuestionFollowUp.None;
        }
    }
}
