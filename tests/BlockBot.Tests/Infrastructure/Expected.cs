using System.Text.RegularExpressions;
using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Conversation.Steps.Ask;
using BlockBot.Conversation.Steps.Say;
using BlockBot.Conversation.Steps.Wait;

namespace BlockBot.Tests.Infrastructure;

/// <summary>
/// What a bot message must say, taken from the real dialog files: a step's text (a say or an ask's
/// prompt) or a texts.yaml entry, in the conversation's language. Placeholders match any value.
/// </summary>
public sealed record Expected(string Description, Func<DialogSet, string, LocalizedText> Resolve, string? MustContain = null, string? Language = null)
{
    public static Expected Step(string dialogId, string stepId) => new($"{dialogId}/{stepId}", (set, _) =>
    {
        var dialog = set[dialogId];
        var index = dialog.IndexOf(stepId);
        if (index < 0)
        {
            throw new InvalidOperationException($"The dialog '{dialogId}' has no step '{stepId}'.");
        }

        return dialog.Steps[index] switch
        {
            SayStep say => say.Text,
            AskStep ask => ask.Prompt,
            WaitStep { Reply: { } reply } => reply,
            var other => throw new InvalidOperationException($"{dialogId}/{stepId} is a {other.Kind} step; it says nothing."),
        };
    });

    /// <summary>The hint an ask step gives after an answer it cannot use.</summary>
    public static Expected Hint(string dialogId, string stepId) => new($"{dialogId}/{stepId} hint", (set, _) =>
        set[dialogId].Steps[set[dialogId].IndexOf(stepId)] is AskStep { Hint: { } hint }
            ? hint
            : throw new InvalidOperationException($"{dialogId}/{stepId} is not an ask step with a hint."));

    public static Expected Text(string key) => new($"texts/{key}", (set, _) => set.Text(key));

    /// <summary>The general answer of a questions.yaml entry.</summary>
    public static Expected Answer(string topicId) => new($"questions/{topicId}", (set, _) => set.Questions.ById[topicId].Answer);

    /// <summary>The answer a questions.yaml entry gives a customer of whom these facts are known (its general one if no variant fits).</summary>
    public static Expected AnswerKnowing(string topicId, IReadOnlyDictionary<string, string> facts) =>
        new($"questions/{topicId} knowing {string.Join(", ", facts.Keys)}", (set, _) => set.Questions.ById[topicId].AnswerFor(facts));

    /// <summary>The answer a questions.yaml entry gives when it knows the facts its variant needs (0: the first variant).</summary>
    public static Expected KnownAnswer(string topicId, int variant = 0) =>
        new($"questions/{topicId} answer_known[{variant}]", (set, _) => set.Questions.ById[topicId].KnownAnswers[variant].Text);

    /// <summary>Why an ask step asks, as it tells a customer who asks "why do you need this?".</summary>
    public static Expected Reason(string dialogId, string stepId) => new($"{dialogId}/{stepId} why", (set, _) =>
        set[dialogId].Steps[set[dialogId].IndexOf(stepId)] is AskStep { Reason: { } reason }
            ? reason
            : throw new InvalidOperationException($"{dialogId}/{stepId} is not an ask step with a 'why'."));

    /// <summary>Several texts.yaml entries said as one message, one per line (as /status does).</summary>
    public static Expected TextLines(params string[] keys) => new($"texts/{string.Join("+", keys)}", (set, _) =>
    {
        var texts = keys.Select(set.Text).ToList();
        return new LocalizedText(
            string.Join(Environment.NewLine, texts.Select(t => t.Ru)),
            string.Join(Environment.NewLine, texts.Select(t => t.En)),
            texts[0].Location);
    });

    /// <summary>The message must be in this language, not just match the text of whichever language it came in.</summary>
    public Expected In(string language) => this with { Language = language };

    public Expected Containing(string fragment) => this with { MustContain = fragment };

    public void Check(DialogSet set, string language, string actual)
    {
        if (Language is not null)
        {
            Assert.Equal(Language, language);
        }

        var template = Resolve(set, language).For(language);
        Assert.True(
            FitsTemplate(template, actual),
            $"Expected the bot to say {Description}:{Environment.NewLine}{template}{Environment.NewLine}but it said:{Environment.NewLine}{actual}");
        if (MustContain is not null)
        {
            Assert.Contains(MustContain, actual, StringComparison.Ordinal);
        }
    }

    /// <summary>Whether a text is this one, as <see cref="Check"/> would accept it, without failing the test; made once, asked often.</summary>
    public Func<string, bool> Matcher(DialogSet set, string language)
    {
        if (Language is not null && Language != language)
        {
            return _ => false;
        }

        var template = new Regex(Pattern(Resolve(set, language).For(language)), RegexOptions.Singleline);
        return actual => template.IsMatch(actual) && (MustContain is null || actual.Contains(MustContain, StringComparison.Ordinal));
    }

    private static bool FitsTemplate(string template, string actual) => Regex.IsMatch(actual, Pattern(template), RegexOptions.Singleline);

    private static string Pattern(string template) =>
        "^" + string.Join(".*?", Regex.Split(template, @"\{[a-z_][a-z0-9_]*\}").Select(Regex.Escape)) + "$";
}
