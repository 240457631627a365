namespace BlockBot.Channels.Telegram;

/// <summary>How updates reach the bot.</summary>
public enum TelegramMode
{
    /// <summary>Our own getUpdates long-polling loop; needs no public address.</summary>
    Polling,

    /// <summary>Telegram posts updates to <see cref="TelegramOptions.WebhookUrl"/>; needs <c>BlockBot:Http:Urls</c>.</summary>
    Webhook,
}
