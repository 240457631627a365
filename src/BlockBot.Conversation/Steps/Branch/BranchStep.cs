using BlockBot.Conversation.Dialogs.Model;

namespace BlockBot.Conversation.Steps.Branch;

/// <summary>Jumps by a saved value: a matching case, <see cref="Empty"/> when the value is missing, else <see cref="Else"/>, else on.</summary>
public sealed record BranchStep(
    string? Id,
    SourceLocation Location,
    string On,
    IReadOnlyDictionary<string, string> Cases,
    string? Empty,
    string? Else) : DialogStep(Id, Location)
{
    public override string Kind => "branch";

    public override IEnumerable<string> Targets =>
        Cases.Values.Concat(new[] { Empty, Else }.OfType<string>());

    public override bool FallsThrough => Else is null;
}
