using BlockBot.Conversation.Engine;

namespace BlockBot.Conversation.Understanding;

/// <summary>
/// Whether a message reads as a question or a sentence rather than a short answer. At a free-text step (the line's
/// name) only such a message may be taken for a question: "Продажи" or "WA Москва" are answers whatever they match.
/// </summary>
public static class MessageShape
{
    private const int SmallTalkMaxWords = 3;

    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        "почему", "зачем", "как", "когда", "где", "сколько", "можно", "что", "чего", "какой", "какая", "какие", "куда",
        "кто", "ли", "нужно", "надо", "есть", "подскажите", "скажите", "расскажите", "объясните", "помогите",
        "why", "how", "when", "where", "what", "which", "who", "can", "could", "may", "should", "is", "are", "do",
        "does", "did", "will", "would", "pls", "please", "tell", "help",
    };

    /// <summary>A question mark, a question word, or a sentence of at least three words.</summary>
    public static bool LooksLikeQuestion(string text)
    {
        if (text.Contains('?', StringComparison.Ordinal))
        {
            return true;
        }

        var words = AnswerMatcher.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 3 || (words.Length > 0 && QuestionWords.Contains(words[0]));
    }

    /// <summary>
    /// At a free-text step, whether a message confidently about <paramref name="topic"/> is a question rather than the
    /// answer: it must read as a question, or be a greeting, thanks or "ok" of a few words.
    /// </summary>
    public static bool IsQuestionNotAnswer(QuestionEntry topic, string text) =>
        LooksLikeQuestion(text) || topic.SmallTalk && AnswerMatcher.Normalize(text).Split(' ').Length <= SmallTalkMaxWords;

    /// <summary>True when the message has no letter at all (digits, emoji, punctuation): nothing to understand.</summary>
    public static bool HasNoWords(string text) => !text.Any(char.IsLetter);
}
