using BlockBot.Conversation.Abstractions;

namespace BlockBot.Channels.Telegram;

/// <summary>
/// Opens the bot in Telegram with a one-time code: Telegram sends the code back as <c>/start &lt;code&gt;</c> from the
/// chat that followed the link (a "deep link", https://core.telegram.org/bots/features#deep-linking).
/// </summary>
public sealed class TelegramHandoverLink(TelegramBotIdentity identity) : IHandoverLink
{
    public string ChannelId => TelegramAdapter.Channel;

    public string Title => "Telegram";

    public string? LinkFor(string code) =>
        identity.IsKnown ? $"https://t.me/{Uri.EscapeDataString(identity.Username)}?start={Uri.EscapeDataString(code)}" : null;
}
