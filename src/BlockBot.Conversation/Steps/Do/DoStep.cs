using BlockBot.Conversation.Dialogs.Model;

namespace BlockBot.Conversation.Steps.Do;

/// <summary>Runs a named domain action with the step's arguments.</summary>
public sealed record DoStep(
    string? Id,
    SourceLocation Location,
    string Action,
    IReadOnlyDictionary<string, string> Arguments) : DialogStep(Id, Location)
{
    public override string Kind => "do";
}
