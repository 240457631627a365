using System.Text;
using Telegram.Bot.Types.ReplyMarkups;

namespace BlockBot.Channels.Telegram.Sending;

public static class TelegramKeyboards
{
    /// <summary>Telegram refuses a whole message whose button carries callback_data outside 1–64 bytes.</summary>
    public const int MaxCallbackDataBytes = 64;

    /// <summary>One button per row: choice titles are sentences, not single words.</summary>
    public static InlineKeyboardMarkup? Inline(IReadOnlyList<OutgoingButton>? buttons) =>
        buttons is null || buttons.Count == 0
            ? null
            : new InlineKeyboardMarkup(buttons.Select(b => new[] { InlineKeyboardButton.WithCallbackData(b.Title, b.Value) }));

    /// <summary>
    /// A button for a choice; throws when its value cannot travel as callback_data. Dialog files are held to
    /// the same limit when they load, so this only trips on a value made in code.
    /// </summary>
    public static OutgoingButton Button(string title, string value)
    {
        var bytes = Encoding.UTF8.GetByteCount(value);
        if (bytes is 0 or > MaxCallbackDataBytes)
        {
            throw new InvalidOperationException(
                $"The button '{title}' has a value of {bytes} bytes; Telegram's callback_data takes 1–{MaxCallbackDataBytes} bytes.");
        }

        return new OutgoingButton(title, value);
    }
}
