using System.Globalization;
using System.Text;

namespace BlockBot.Conversation;

/// <summary>
/// Text from outside (a customer's message, a setting's value) made inert for a terminal or a log line: control
/// characters, line and paragraph separators and bidirectional overrides become visible escapes (<c>\x1b</c>,
/// <c>\n</c>, <c>\u202e</c>), so they can neither drive the terminal nor start a forged line.
/// </summary>
public static class VisibleText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(NeedsEscape))
        {
            return text ?? string.Empty;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (!NeedsEscape(c))
            {
                builder.Append(c);
                continue;
            }

            builder.Append(c switch
            {
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                < '\u0100' => @"\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                _ => @"\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
            });
        }

        return builder.ToString();
    }

    /// <summary>C0 and C1 controls, DEL, the line and paragraph separators, and the bidi embeddings, overrides and isolates.</summary>
    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069');
}
