using BlockBot.Conversation.Dialogs.Model;

namespace BlockBot.Conversation.Steps.End;

/// <summary>Ends the dialog; <see cref="Start"/> names a dialog to continue with.</summary>
public sealed record EndStep(string? Id, SourceLocation Location, string? Start) : DialogStep(Id, Location)
{
    public override string Kind => "end";

    public override bool FallsThrough => false;
}
