namespace BlockBot.Conversation.Steps;

/// <summary>A step a named event may move on while the dialog is parked on it: the event's name → the step to go to.</summary>
public interface IAwaitsEvents
{
    IReadOnlyDictionary<string, string> Events { get; }
}
