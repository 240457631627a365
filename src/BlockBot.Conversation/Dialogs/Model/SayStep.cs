namespace BlockBot.Conversation.Dialogs.Model;

public sealed record SayStep(string? Id, SourceLocation Location, LocalizedText Text) : DialogStep(Id, Location)
{
    public override string Kind => "say";
}
