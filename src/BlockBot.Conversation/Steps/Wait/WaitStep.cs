using BlockBot.Conversation.Dialogs.Model;

namespace BlockBot.Conversation.Steps.Wait;

/// <summary>Parks the dialog until one of the events arrives; messages meanwhile get <see cref="Reply"/>.</summary>
public sealed record WaitStep(
    string? Id,
    SourceLocation Location,
    IReadOnlyDictionary<string, string> Events,
    LocalizedText? Reply) : DialogStep(Id, Location), IAwaitsEvents
{
    public override string Kind => "wait";

    public override IEnumerable<string> Targets => Events.Values;

    public override bool FallsThrough => false;
}
