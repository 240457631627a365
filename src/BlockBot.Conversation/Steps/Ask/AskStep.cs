using BlockBot.Conversation.Dialogs.Model;

namespace BlockBot.Conversation.Steps.Ask;

/// <summary>A question. The answer is saved under <see cref="Save"/>; events listed in <see cref="Events"/> may interrupt it.</summary>
public sealed record AskStep(
    string? Id,
    SourceLocation Location,
    AskKind AskKind,
    string Save,
    LocalizedText Prompt,
    LocalizedText? Hint,
    int MinLength,
    int MaxLength,
    IReadOnlyList<ChoiceOption> Choices,
    IReadOnlyDictionary<string, string> Events) : DialogStep(Id, Location), IAwaitsEvents
{
    public override string Kind => "ask";

    /// <summary>Why the bot asks this, told when the customer asks "why do you need this?".</summary>
    public LocalizedText? Reason { get; init; }

    public override IEnumerable<string> Targets =>
        Choices.Where(c => c.Goto is not null).Select(c => c.Goto!).Concat(Events.Values);

    public override bool FallsThrough => AskKind != AskKind.Choice || Choices.Any(c => c.Goto is null);
}
