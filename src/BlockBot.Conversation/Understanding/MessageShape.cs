using BlockBot.Conversation.Engine;

namespace BlockBot.Conversation.Understanding;

/// <summary>
/// Whether a message reads as a question or a sentence rather than a short answer. Where a short answer is expected
/// (the line's name, yes or no) only such a message may be taken for a question: "Продажи" or "WA Москва" are names
/// and "может быть" or "не знаю даже" a failed yes or no, whatever they match.
/// </summary>
public static class MessageShape
{
    /// <summary>"Спасибо большое за помощь" is still thanks; longer, and the message is about something more.</summary>
    public const int SmallTalkMaxWords = 4;

    // Line names run to four words ("Поддержка клиентов 24/7"); five and more is a sentence.
    private const int SentenceMinWords = 5;

    // A greeting, thanks or "ok" explains most of what was written ("привет" scores 0.6); a name that only shares a
    // stem with one ("Клиника Здоровье" and "здорово") scores far less and stays a name.
    private const double SmallTalkMinScore = 0.25;
    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        "почему", "зачем", "как", "когда", "где", "сколько", "можно", "что", "чего", "какой", "какая", "какие", "куда",
        "кто", "ли", "нужно", "надо", "есть", "подскажите", "скажите", "расскажите", "объясните", "помогите",
        "why", "how", "when", "where", "what", "which", "who", "can", "could", "may", "should", "is", "are", "do",
        "does", "did", "will", "would", "pls", "please", "tell", "help",
    };

    /// <summary>Five words and more: longer than a name or a short answer runs.</summary>
    public static bool IsSentence(string text) => WordCount(text) >= SentenceMinWords;

    public static int WordCount(string text) => AnswerMatcher.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>A question mark or a question word first: asked, not told.</summary>
    public static bool IsExplicitQuestion(string text)
    {
        if (text.Contains('?', StringComparison.Ordinal))
        {
            return true;
        }

        var words = AnswerMatcher.Normalize(text).Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && QuestionWords.Contains(words[0]);
    }

    /// <summary>
    /// Where a short answer is expected, whether a message confidently about <paramref name="match"/>'s topic is a question rather
    /// than the answer: it must be asked (a question mark or word), or be a sentence longer than names usually are, or
    /// be mostly a greeting, thanks or "ok" of a few words with a word of its own ("Поддержка" is a line's name, though
    /// greetings say "здравствуйте, поддержка"). Nothing is taken for out of scope there: that is what names
    /// look like.
    /// </summary>
    public static bool IsQuestionNotAnswer(TopicMatch match, string text)
    {
        var topic = match.Entry;
        if (topic.IsOutOfScope)
        {
            return false;
        }

        var words = WordCount(text);
        return IsExplicitQuestion(text) || IsSentence(text) || (topic.SmallTalk && words <= SmallTalkMaxWords && match.Score >= SmallTalkMinScore && match.HasOwnWord);
    }

    /// <summary>True when the message has no letter at all (digits, emoji, punctuation): nothing to understand.</summary>
    public static bool HasNoWords(string text) => !text.Any(char.IsLetter);
}
