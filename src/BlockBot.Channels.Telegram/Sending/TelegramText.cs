using System.Text;

namespace BlockBot.Channels.Telegram.Sending;

/// <summary>Plain text to Telegram HTML: everything escaped, and split into messages Telegram accepts.</summary>
public static class TelegramText
{
    /// <summary>Telegram's limit for one message's text, counted after entities are parsed.</summary>
    public const int MaxLength = 4096;

    /// <summary>Escapes the three characters Telegram's HTML mode reserves; the text shows exactly as written.</summary>
    public static string Html(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>
    /// Splits text longer than <paramref name="limit"/> at paragraph boundaries, else at line breaks, else at
    /// spaces, else hard (never inside a surrogate pair); every part is at most <paramref name="limit"/>
    /// characters and none is blank. Only the whitespace at a cut is dropped.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int limit = MaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 2);
        var parts = new List<string>();
        var rest = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        while (rest.Length > limit)
        {
            var cut = LastBreak(rest, limit, "\n\n") ?? LastBreak(rest, limit, "\n") ?? LastBreak(rest, limit, " ") ?? HardCut(rest, limit);
            var part = rest[..cut].TrimEnd();
            if (part.Length > 0)
            {
                parts.Add(part);
            }

            rest = rest[cut..].TrimStart('\n', ' ');
        }

        if (rest.Trim().Length > 0 || parts.Count == 0)
        {
            parts.Add(rest);
        }

        return parts;
    }

    private static int? LastBreak(string text, int limit, string separator)
    {
        // A break right after a full part counts: that part is exactly the limit long.
        var window = Math.Min(text.Length, limit + separator.Length);
        var index = text.LastIndexOf(separator, window - 1, window, StringComparison.Ordinal);
        return index > 0 ? index : null;
    }

    // Telegram rejects text that is not valid UTF-8, which half of a surrogate pair (an emoji, say) becomes.
    private static int HardCut(string text, int limit) => char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit;
}
