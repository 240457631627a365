namespace BlockBot.Conversation.Dialogs.Model;

public sealed record GotoStep(string? Id, SourceLocation Location, string Target) : DialogStep(Id, Location)
{
    public override string Kind => "goto";

    public override IEnumerable<string> Targets => [Target];

    public override bool FallsThrough => false;
}
