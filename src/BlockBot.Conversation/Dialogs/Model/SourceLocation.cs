namespace BlockBot.Conversation.Dialogs.Model;

/// <summary>Where a piece of a dialog file stands, for error messages: "dialogs/blocked.yaml:42".</summary>
public sealed record SourceLocation(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}
