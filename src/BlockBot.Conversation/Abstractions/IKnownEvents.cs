namespace BlockBot.Conversation.Abstractions;

/// <summary>Names of the events that may re-enter a conversation (scheduled events, staff decisions). Dialog validation checks against it.</summary>
public interface IKnownEvents
{
    IReadOnlySet<string> Names { get; }
}
