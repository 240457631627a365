namespace BlockBot.Conversation.Understanding;

/// <summary>
/// For every topic, how many of its examples use each word (stem). Two topics that score alike on their closest
/// examples are told apart by which of them uses the message's words more often across all its examples.
/// </summary>
public sealed class TopicWordCounts
{
    // Smoothing for a word a topic's examples never use; chosen by cross-validation over the examples (ADR 0009).
    private const double Unseen = 0.1;

    private readonly Dictionary<string, int>[] _examplesWithWord;
    private readonly int[] _examples;
    private readonly Dictionary<string, int> _examplesWithWordAnywhere = new(StringComparer.Ordinal);
    private readonly int _allExamples;

    /// <param name="topicOfExample">The topic of each example, by example number.</param>
    public TopicWordCounts(int topics, IReadOnlyList<int> topicOfExample)
    {
        _examplesWithWord = new Dictionary<string, int>[topics];
        _examples = new int[topics];
        for (var topic = 0; topic < topics; topic++)
        {
            _examplesWithWord[topic] = new Dictionary<string, int>(StringComparer.Ordinal);
        }

        foreach (var topic in topicOfExample)
        {
            _examples[topic]++;
        }

        _allExamples = topicOfExample.Count;
    }

    /// <summary>Counts one more example of <paramref name="topic"/> that uses <paramref name="word"/>.</summary>
    public void AddUse(int topic, string word)
    {
        var counts = _examplesWithWord[topic];
        counts[word] = counts.GetValueOrDefault(word) + 1;
        _examplesWithWordAnywhere[word] = _examplesWithWordAnywhere.GetValueOrDefault(word) + 1;
    }

    /// <summary>
    /// Whether one of the words is the topic's own: its examples use it at least e^<paramref name="leaning"/> times as
    /// often as the other topics' examples do. "привет" is a greeting's own word; "поддержка", which greetings use
    /// ("здравствуйте, поддержка") but questions use as much, is not.
    /// </summary>
    public bool HasOwnWord(IEnumerable<string> words, int topic, double leaning)
    {
        var elsewhere = _allExamples - _examples[topic];
        foreach (var word in words)
        {
            var here = _examplesWithWord[topic].GetValueOrDefault(word);
            var there = _examplesWithWordAnywhere.GetValueOrDefault(word) - here;
            if (Math.Log((here + Unseen) / (_examples[topic] + 1)) - Math.Log((there + Unseen) / (elsewhere + 1)) >= leaning)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The natural log of how much likelier the words are in an example of <paramref name="first"/> than of
    /// <paramref name="second"/>: positive leans to the first. Only words some example uses should be passed.
    /// </summary>
    public double LogOdds(IEnumerable<string> words, int first, int second)
    {
        var sum = 0.0;
        foreach (var word in words)
        {
            sum += Math.Log((_examplesWithWord[first].GetValueOrDefault(word) + Unseen) / (_examples[first] + 1))
                - Math.Log((_examplesWithWord[second].GetValueOrDefault(word) + Unseen) / (_examples[second] + 1));
        }

        return sum;
    }
}
