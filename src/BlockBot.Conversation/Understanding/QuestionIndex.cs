using System.Collections.Concurrent;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace BlockBot.Conversation.Understanding;

/// <summary>
/// The questions file's example phrasings in a Lucene index, searched with BM25. A message's score for a topic is
/// the mean BM25 score of the topic's three best examples divided by the most the message's terms could score at all,
/// so it reads as "how much of what was written this topic explains": words the index has never seen count against
/// every topic.
/// </summary>
public sealed class QuestionIndex : IDisposable
{
    private const int HitsConsidered = 40;
    private const float GramBoost = 0.15f;
    private const float K1 = 1.2f;
    private const float B = 0.5f;

    // A topic scores the mean of its best three examples: one lucky example does not carry a topic, several close ones do.
    private const int ExamplesPerTopic = 3;

    // A message made only of words most examples share ("что?", "а когда") or of short unknown ones ("эээ") says
    // nothing yet: it needs one word at most one example in 25 has, or a longer unknown one (a typo, perhaps).
    private const double DistinctiveShare = 0.04;
    private const int TypoMinLength = 5;

    // A topic's own word is one its examples use over e^2 (7.4) times as often as the rest do.
    private const double OwnWordLeaning = 2;

    private readonly IReadOnlyList<QuestionEntry> _entries;
    private readonly RAMDirectory _directory = new();
    private readonly CustomerTextAnalyzer _analyzer = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly int[] _entryOfDocument;
    private readonly Dictionary<Term, int> _documentFrequency = [];
    private readonly TopicWordCounts _wordCounts;

    // Looking a term up in the index allocates more than scoring it; each term is looked up once and kept.
    private readonly ConcurrentDictionary<Term, TermContext> _termContexts = new();

    public QuestionIndex(IReadOnlyList<QuestionEntry> entries)
    {
        _entries = entries;
        var similarity = new BM25Similarity(K1, B);
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, _analyzer) { Similarity = similarity }))
        {
            var entryOfDocument = new List<int>();
            for (var entry = 0; entry < entries.Count; entry++)
            {
                foreach (var example in entries[entry].Examples)
                {
                    writer.AddDocument(
                    [
                        new TextField(CustomerTextAnalyzer.WordsField, example.Text, Field.Store.NO),
                        new TextField(CustomerTextAnalyzer.GramsField, example.Text, Field.Store.NO),
                    ]);
                    entryOfDocument.Add(entry);
                }
            }

            writer.ForceMerge(1);
            _entryOfDocument = [.. entryOfDocument];
            _wordCounts = new TopicWordCounts(entries.Count, _entryOfDocument);
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = similarity };
        foreach (var field in new[] { CustomerTextAnalyzer.WordsField, CustomerTextAnalyzer.GramsField })
        {
            var terms = MultiFields.GetTerms(_reader, field)?.GetEnumerator();
            while (terms?.MoveNext() == true)
            {
                _documentFrequency[new Term(field, BytesRef.DeepCopyOf(terms.Term))] = terms.DocFreq;
                if (field == CustomerTextAnalyzer.WordsField)
                {
                    CountUses(terms);
                }
            }
        }
    }

    /// <summary>Counts, for the words field's current term, the examples of each topic that use it.</summary>
    private void CountUses(TermsEnum terms)
    {
        var word = terms.Term.Utf8ToString();
        var documents = terms.Docs(null, null);
        for (var document = documents.NextDoc(); document != DocIdSetIterator.NO_MORE_DOCS; document = documents.NextDoc())
        {
            _wordCounts.AddUse(_entryOfDocument[document], word);
        }
    }

    public int ExampleCount => _entryOfDocument.Length;

    /// <summary>The two topics that explain the message best, best first (fewer when fewer share a term with it).</summary>
    public IReadOnlyList<TopicMatch> Rank(string message)
    {
        var (query, ceiling, distinctive, knownWords) = BuildQuery(message);
        if (ceiling <= 0 || query.Clauses.Count == 0 || !distinctive)
        {
            return [];
        }

        // Hits come best first, so each topic's first three are its best three.
        var sums = new Dictionary<int, (double Sum, int Count)>();
        foreach (var hit in _searcher.Search(query, HitsConsidered).ScoreDocs)
        {
            var entry = _entryOfDocument[hit.Doc];
            var (sum, count) = sums.GetValueOrDefault(entry);
            if (count < ExamplesPerTopic)
            {
                sums[entry] = (sum + (hit.Score / ceiling), count + 1);
            }
        }

        var best = sums.ToDictionary(p => p.Key, p => p.Value.Sum / ExamplesPerTopic);

        var two = best.OrderByDescending(p => p.Value).Take(2).ToList();
        TopicMatch Match(KeyValuePair<int, double> topic) => new(_entries[topic.Key], topic.Value)
        {
            HasOwnWord = _wordCounts.HasOwnWord(knownWords, topic.Key, OwnWordLeaning),
        };

        return two.Count == 1
            ? [Match(two[0])]
            : [Match(two[0]) with { LeadOverNext = _wordCounts.LogOdds(knownWords, two[0].Key, two[1].Key) }, Match(two[1])];
    }

    /// <returns>
    /// The query; the most any document could score for it (every term matched as well as BM25 allows); whether it has
    /// a word that tells topics apart; the message's words that some example uses.
    /// </returns>
    private (BooleanQuery Query, double Ceiling, bool Distinctive, List<string> KnownWords) BuildQuery(string message)
    {
        var query = new BooleanQuery();
        var ceiling = 0.0;
        var distinctive = false;
        var documents = _reader.NumDocs;
        var unknownWords = new StringBuilder();
        var knownWords = new List<string>();
        foreach (var (text, original) in Terms(CustomerTextAnalyzer.WordsField, message))
        {
            var frequency = _documentFrequency.GetValueOrDefault(new Term(CustomerTextAnalyzer.WordsField, text));
            distinctive |= frequency == 0 ? text.Length >= TypoMinLength : text.Length > 1 && frequency <= documents * DistinctiveShare;
            ceiling += Add(query, CustomerTextAnalyzer.WordsField, text, frequency, 1f);
            if (frequency == 0)
            {
                unknownWords.Append(original).Append(' ');
            }
            else
            {
                knownWords.Add(text);
            }
        }

        // Only words the examples never use need their trigrams: a known word already matched as itself.
        foreach (var (text, _) in Terms(CustomerTextAnalyzer.GramsField, unknownWords.ToString()))
        {
            ceiling += Add(query, CustomerTextAnalyzer.GramsField, text, _documentFrequency.GetValueOrDefault(new Term(CustomerTextAnalyzer.GramsField, text)), GramBoost);
        }

        return (query, ceiling, distinctive, knownWords);
    }

    /// <returns>The most the term can add to a document's score.</returns>
    private double Add(BooleanQuery query, string field, string text, int frequency, float boost)
    {
        if (frequency > 0)
        {
            var term = new Term(field, text);
            var context = _termContexts.GetOrAdd(term, t => TermContext.Build(_reader.Context, t));
            query.Add(new TermQuery(term, context) { Boost = boost }, Occur.SHOULD);
        }

        var idf = Math.Log(1 + ((_reader.NumDocs - frequency + 0.5) / (frequency + 0.5)));
        return idf * boost * (K1 + 1);
    }

    /// <summary>The distinct terms of a field for the text, each with the piece of text it came from.</summary>
    private Dictionary<string, string> Terms(string field, string text)
    {
        var terms = new Dictionary<string, string>(StringComparer.Ordinal);
        using var stream = _analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.TryAdd(term.ToString(), text[offset.StartOffset..offset.EndOffset]);
        }

        stream.End();
        return terms;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }
}
