using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BlockBot.Tests.Channels.Telegram.Fake;

/// <summary>
/// Telegram's HTML parse mode as its documentation states it: only its own tags, and every other
/// <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> written as an entity; anything else is refused like Telegram
/// refuses it ("can't parse entities"). Gives the text as a client shows it.
/// </summary>
public static partial class FakeHtml
{
    private static readonly HashSet<string> Tags =
        ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code", "pre", "blockquote", "tg-emoji"];

    public static bool TryParse(string html, out string visible, out string error)
    {
        var text = new StringBuilder(html.Length);
        var open = new Stack<string>();
        for (var i = 0; i < html.Length; i++)
        {
            switch (html[i])
            {
                case '<':
                    var end = html.IndexOf('>', i);
                    var tag = end < 0 ? null : TagShape().Match(html[(i + 1)..end]);
                    if (tag is null || !tag.Success || !Tags.Contains(tag.Groups["name"].Value))
                    {
                        return Fail($"Unsupported start tag at byte offset {i}", out visible, out error);
                    }

                    var name = tag.Groups["name"].Value;
                    if (tag.Groups["close"].Success)
                    {
                        if (open.Count == 0 || open.Pop() != name)
                        {
                            return Fail($"Unmatched end tag at byte offset {i}", out visible, out error);
                        }
                    }
                    else
                    {
                        open.Push(name);
                    }

                    i = end;
                    break;
                case '>':
                    return Fail($"Character '>' is reserved at byte offset {i}", out visible, out error);
                case '&':
                    var entity = Entity().Match(html, i);
                    if (!entity.Success)
                    {
                        return Fail($"Character '&' is reserved at byte offset {i}", out visible, out error);
                    }

                    text.Append(Decode(entity.Groups[1].Value));
                    i += entity.Length - 1;
                    break;
                default:
                    text.Append(html[i]);
                    break;
            }
        }

        if (open.Count > 0)
        {
            return Fail($"Can't find end tag corresponding to start tag \"{open.Peek()}\"", out visible, out error);
        }

        visible = text.ToString();
        error = string.Empty;
        return true;
    }

    private static string Decode(string entity) => entity switch
    {
        "lt" => "<",
        "gt" => ">",
        "amp" => "&",
        "quot" => "\"",
        _ when entity.StartsWith("#x", StringComparison.OrdinalIgnoreCase) => char.ConvertFromUtf32(int.Parse(entity[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)),
        _ => char.ConvertFromUtf32(int.Parse(entity[1..], CultureInfo.InvariantCulture)),
    };

    private static bool Fail(string reason, out string visible, out string error)
    {
        visible = string.Empty;
        error = "Bad Request: can't parse entities: " + reason;
        return false;
    }

    [GeneratedRegex(@"^(?<close>/)?(?<name>[a-z-]+)(\s[^<>]*)?$")]
    private static partial Regex TagShape();

    [GeneratedRegex(@"\G&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});")]
    private static partial Regex Entity();
}
