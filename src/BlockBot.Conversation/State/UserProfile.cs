namespace BlockBot.Conversation.State;

/// <summary>What the bot remembers about a user across conversations, kept in Bot Builder's UserState.</summary>
public sealed class UserProfile
{
    /// <summary>"ru" or "en"; null until the first turn decides it.</summary>
    public string? Language { get; set; }
}
