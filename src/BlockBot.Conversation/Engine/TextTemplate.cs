using System.Text.RegularExpressions;

namespace BlockBot.Conversation.Engine;

/// <summary>Fills <c>{name}</c> placeholders from saved values; a yes/no value reads as the language's word.</summary>
public static partial class TextTemplate
{
    public static string Render(string text, IReadOnlyDictionary<string, string> values, string yesWord, string noWord) =>
        Placeholder().Replace(text, match =>
        {
            var name = match.Groups[1].Value;
            if (!values.TryGetValue(name, out var value))
            {
                return match.Value;
            }

            return value switch
            {
                "yes" => yesWord,
                "no" => noWord,
                _ => value,
            };
        });

    [GeneratedRegex(@"\{([a-z_][a-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}
