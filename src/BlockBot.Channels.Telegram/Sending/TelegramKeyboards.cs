using Telegram.Bot.Types.ReplyMarkups;

namespace BlockBot.Channels.Telegram.Sending;

public static class TelegramKeyboards
{
    /// <summary>One button per row: choice titles are sentences, not single words.</summary>
    public static InlineKeyboardMarkup? Inline(IReadOnlyList<OutgoingButton>? buttons) =>
        buttons is null || buttons.Count == 0
            ? null
            : new InlineKeyboardMarkup(buttons.Select(b => new[] { InlineKeyboardButton.WithCallbackData(b.Title, b.Value) }));
}
