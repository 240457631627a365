namespace BlockBot.Channels.Bitrix24;

/// <summary>How the portal hands the bot its events.</summary>
public enum Bitrix24EventMode
{
    /// <summary>The bot polls <c>imbot.v2.Event.get</c>; no public URL is needed.</summary>
    Fetch,

    /// <summary>The portal POSTs form-encoded events to the bot's public endpoint.</summary>
    Webhook,
}
