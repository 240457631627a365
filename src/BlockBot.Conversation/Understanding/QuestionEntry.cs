using BlockBot.Conversation.Dialogs.Model;

namespace BlockBot.Conversation.Understanding;

/// <summary>
/// One thing customers ask (a topic): how they put it, what the bot answers, and what follows.
/// <see cref="Title"/> labels the topic on a "Did you mean" button.
/// </summary>
public sealed record QuestionEntry(
    string Id,
    SourceLocation Location,
    LocalizedText Title,
    IReadOnlyList<QuestionExample> Examples,
    LocalizedText Answer,
    IReadOnlyList<AnswerVariant> KnownAnswers,
    QuestionFollowUp FollowUp)
{
    /// <summary>The entry for messages outside what the bot knows; answered, then a person is offered.</summary>
    public const string OutOfScopeId = "out_of_scope";

    public bool IsOutOfScope => Id == OutOfScopeId;

    /// <summary>Greetings, thanks, "ok": short words taken as such even where the bot waits for a name.</summary>
    public bool SmallTalk { get; init; }

    /// <summary>The answer for what is known of the customer: the first variant whose facts are all there, else the general one.</summary>
    public LocalizedText AnswerFor(IReadOnlyDictionary<string, string> facts) =>
        KnownAnswers.FirstOrDefault(v => v.Needs.All(f => facts.TryGetValue(f, out var value) && value.Length > 0))?.Text ?? Answer;
}
