namespace BlockBot.Conversation.Dialogs.Model;

/// <summary>One text in every supported language.</summary>
public sealed record LocalizedText(string Ru, string En, SourceLocation Location)
{
    public string For(string language) => language == Languages.English ? En : Ru;
}
