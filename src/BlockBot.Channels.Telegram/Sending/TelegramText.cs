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
    /// spaces, else hard; every part is at most <paramref name="limit"/> characters.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int limit = MaxLength)
    {
        var parts = new List<string>();
        var rest = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        while (rest.Length > limit)
        {
            var cut = LastBreak(rest, limit, "\n\n") ?? LastBreak(rest, limit, "\n") ?? LastBreak(rest, limit, " ") ?? limit;
            parts.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart('\n', ' ');
        }

        if (rest.Length > 0 || parts.Count == 0)
        {
            parts.Add(rest);
        }

        return parts;
    }

    private static int? LastBreak(string text, int limit, string separator)
    {
        var index = text.LastIndexOf(separator, limit - 1, limit, StringComparison.Ordinal);
        return index > 0 ? index : null;
    }
}
