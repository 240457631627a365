using BlockBot.Conversation.Dialogs.Model;

namespace BlockBot.Conversation.Steps.Goto;

public sealed record GotoStep(string? Id, SourceLocation Location, string Target) : DialogStep(Id, Location)
{
    public override string Kind => "goto";

    public override IEnumerable<string> Targets => [Target];

    public override bool FallsThrough => false;
}
