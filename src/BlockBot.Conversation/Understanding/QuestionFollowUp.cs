namespace BlockBot.Conversation.Understanding;

/// <summary>What follows an answer: <see cref="Target"/> is the dialog id or the command it names.</summary>
public sealed record QuestionFollowUp(FollowUpKind Kind, string? Target)
{
    public static readonly QuestionFollowUp None = new(FollowUpKind.None, null);
}
