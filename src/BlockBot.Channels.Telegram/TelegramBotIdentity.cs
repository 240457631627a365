namespace BlockBot.Channels.Telegram;

/// <summary>Who the bot is on Telegram, learned from getMe at start.</summary>
public sealed class TelegramBotIdentity
{
    public long Id { get; private set; }

    public string Username { get; private set; } = "blockbot";

    /// <summary>False until getMe answered: before that <see cref="Username"/> is only a placeholder.</summary>
    public bool IsKnown => Id != 0;

    internal void Set(long id, string? username)
    {
        Id = id;
        Username = username ?? Username;
    }
}
