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
    }

    /// <summary>Counts one more example of <paramref name="topic"/> that uses <paramref name="word"/>.</summary>
    public void AddUse(int topic, string word)
    {
        var counts = _examplesWithWord[topic];
        counts[word] = counts.GetValueOrDefault(word) + 1;
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
