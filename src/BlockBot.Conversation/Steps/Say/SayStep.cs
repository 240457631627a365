using BlockBot.Conversation.Dialogs.Model;

namespace BlockBot.Conversation.Steps.Say;

public sealed record SayStep(string? Id, SourceLocation Location, LocalizedText Text) : DialogStep(Id, Location)
{
    public override string Kind => "say";
}
