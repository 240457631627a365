using System.Globalization;
using System.Text;
using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Conversation.Steps.Ask;
using FuzzySharp;

namespace BlockBot.Conversation.Engine;

/// <summary>
/// Turns a typed answer into a choice: its number, its value, its button text, a unique prefix, or a
/// close typo of the text (FuzzySharp ratio). Anything ambiguous is no match.
/// </summary>
public static class AnswerMatcher
{
    private const int TypoThreshold = 80;

    private static readonly string[] YesWords = ["yes", "y", "yeah", "yep", "sure", "ok", "да", "д", "ага", "угу", "конечно", "верно", "так"];
    private static readonly string[] NoWords = ["no", "n", "nope", "нет", "н", "неа", "не"];

    /// <summary>The index of the picked option, or -1.</summary>
    public static int MatchChoice(string answer, IReadOnlyList<ChoiceOption> options, string language)
    {
        var typed = Normalize(answer);
        if (typed.Length == 0)
        {
            return -1;
        }

        if (int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number >= 1 && number <= options.Count ? number - 1 : -1;
        }

        var texts = options.Select(o => Normalize(o.Text.For(language))).ToList();
        var otherTexts = options.Select(o => Normalize(o.Text.For(language == Languages.English ? Languages.Russian : Languages.English))).ToList();
        for (var i = 0; i < options.Count; i++)
        {
            if (typed == texts[i] || typed == otherTexts[i] || typed == Normalize(options[i].Value))
            {
                return i;
            }
        }

        if (typed.Length >= 3)
        {
            var prefixed = Enumerable.Range(0, options.Count).Where(i => texts[i].StartsWith(typed, StringComparison.Ordinal)).ToList();
            if (prefixed.Count == 1)
            {
                return prefixed[0];
            }
        }

        var scored = texts.Select((text, i) => (Index: i, Score: Fuzz.Ratio(typed, text))).OrderByDescending(s => s.Score).ToList();
        var best = scored[0];
        var runnerUp = scored.Count > 1 ? scored[1].Score : 0;
        return best.Score >= TypoThreshold && best.Score > runnerUp ? best.Index : -1;
    }

    /// <summary>True for yes, false for no, null when the answer is neither.</summary>
    public static bool? MatchYesNo(string answer, string yesText, string noText)
    {
        var typed = Normalize(answer);
        if (typed == "1" || typed == Normalize(yesText) || YesWords.Contains(typed))
        {
            return true;
        }

        if (typed == "2" || typed == Normalize(noText) || NoWords.Contains(typed))
        {
            return false;
        }

        var yesScore = Math.Max(Fuzz.Ratio(typed, Normalize(yesText)), YesWords.Max(w => Fuzz.Ratio(typed, w)));
        var noScore = Math.Max(Fuzz.Ratio(typed, Normalize(noText)), NoWords.Max(w => Fuzz.Ratio(typed, w)));
        if (typed.Length >= 3 && Math.Max(yesScore, noScore) >= TypoThreshold && yesScore != noScore)
        {
            return yesScore > noScore;
        }

        return null;
    }

    /// <summary>
    /// Yes or no said first and followed by more ("да, а почему так?", "no, we did not"): the answer is the first word.
    /// Null when the message does not open with a yes or no word.
    /// </summary>
    public static bool? LeadingYesNo(string answer)
    {
        var words = Normalize(answer).Split(' ', 2);
        if (words.Length < 2)
        {
            return null;
        }

        return YesWords.Contains(words[0]) && words[0].Length > 1 ? true
            : NoWords.Contains(words[0]) && words[0] is not "не" and not "n" ? false
            : null;
    }

    /// <summary>Lower case, ё as е, punctuation dropped, spaces folded.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim().ToLowerInvariant().Replace('ё', 'е'))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(c);
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return builder.ToString();
    }
}
