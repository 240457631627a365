using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Bot.Schema;

namespace BlockBot.Channels.Bitrix24;

/// <summary>
/// Turns a reply into Bitrix24 messages: the text with BB-code neutralised (it may quote what the customer typed),
/// the choices as a keyboard of hidden-command buttons and, because keyboards may not reach customers on external
/// connectors, as a numbered <c>[send=N]</c> menu too. Numbers start at 1: "0" hands the chat to operators.
/// Texts over the platform's 20,000 characters are split, preferably at a line break.
/// </summary>
public static class Bitrix24MessageFormatter
{
    /// <summary>The hidden command every choice button sends; its parameter is the choice's value.</summary>
    public const string ChoiceCommand = "choice";

    public const int MaxLength = 20_000;

    private const char ZeroWidthSpace = '\u200B';

    public static IReadOnlyList<(string Message, JsonObject? Keyboard)> Format(IMessageActivity activity, long botId)
    {
        var text = Escape(activity.Text ?? string.Empty);
        var choices = activity.SuggestedActions?.Actions?.Where(a => a is not null).ToList() ?? [];
        JsonObject? keyboard = null;
        if (choices.Count > 0)
        {
            var menu = new StringBuilder();
            var buttons = new JsonArray();
            for (var i = 0; i < choices.Count; i++)
            {
                var number = (i + 1).ToString(CultureInfo.InvariantCulture);
                var title = Escape(choices[i].Title ?? choices[i].Value?.ToString() ?? number);
                menu.Append(CultureInfo.InvariantCulture, $"\n[send={number}]{number}. {title}[/send]");
                buttons.Add(new JsonObject
                {
                    ["TEXT"] = choices[i].Title ?? number,
                    ["COMMAND"] = ChoiceCommand,
                    ["COMMAND_PARAMS"] = choices[i].Value?.ToString() ?? number,
                    ["DISPLAY"] = "BLOCK",
                    ["BLOCK"] = "Y",
                });
            }

            text = text.Length == 0 ? menu.ToString(1, menu.Length - 1) : text + "\n" + menu;
            keyboard = new JsonObject { ["BOT_ID"] = botId, ["BUTTONS"] = buttons };
        }

        if (text.Length == 0)
        {
            return [];
        }

        var parts = Split(text);
        return parts.Select((part, i) => (part, i == parts.Count - 1 ? keyboard : null)).ToList();
    }

    /// <summary>
    /// Makes text show as typed: a zero-width space after every <c>[</c> keeps <c>[b]</c>, <c>[url=…]</c> or
    /// <c>[send=0]</c> from being read as BB-code, and one between <c>&gt;&gt;</c> keeps a line from becoming a quote.
    /// </summary>
    public static string Escape(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var escaped = text.Replace("[", "[" + ZeroWidthSpace, StringComparison.Ordinal);
        var lines = escaped.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith(">>", StringComparison.Ordinal))
            {
                var at = lines[i].IndexOf(">>", StringComparison.Ordinal);
                lines[i] = lines[i].Insert(at + 1, ZeroWidthSpace.ToString());
            }
        }

        return string.Join('\n', lines);
    }

    public static IReadOnlyList<string> Split(string text)
    {
        var parts = new List<string>();
        var rest = text;
        while (rest.Length > MaxLength)
        {
            var cut = rest.LastIndexOf('\n', MaxLength - 1);
            if (cut < MaxLength / 2)
            {
                cut = MaxLength;
                // Never cut a surrogate pair in half.
                if (char.IsHighSurrogate(rest[cut - 1]))
                {
                    cut--;
                }
            }

            parts.Add(rest[..cut]);
            rest = rest[cut..].TrimStart('\n');
        }

        if (rest.Length > 0)
        {
            parts.Add(rest);
        }

        return parts;
    }
}
