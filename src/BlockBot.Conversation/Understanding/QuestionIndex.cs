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

    private readonly IReadOnlyList<QuestionEntry> _entries;
    private readonly RAMDirectory _directory = new();
    private readonly CustomerTextAnalyzer _analyzer = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly int[] _entryOfDocument;
    private readonly Dictionary<Term, int> _documentFrequency = [];

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
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = similarity };
        foreach (var field in new[] { CustomerTextAnalyzer.WordsField, CustomerTextAnalyzer.GramsField })
        {
            var terms = MultiFields.GetTerms(_reader, field)?.GetEnumerator();
            while (terms?.MoveNext() == true)
            {
                _documentFrequency[new Term(field, BytesRef.DeepCopyOf(terms.Term))] = terms.DocFreq;
            }
        }
    }

    public int ExampleCount => _entryOfDocument.Length;

    /// <summary>The two topics that explain the message best, best first (fewer when fewer share a term with it).</summary>
    public IReadOnlyList<TopicMatch> Rank(string message)
    {
        var (query, ceiling, distinctive) = BuildQuery(message);
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

        return best.OrderByDescending(p => p.Value).Take(2).Select(p => new TopicMatch(_entries[p.Key], p.Value)).ToList();
    }

    /// <returns>
    /// The query; the most any document could score for it (every term matched as well as BM25 allows); whether it has
    /// a word that tells topics apart.
    /// </returns>
    private (BooleanQuery Query, double Ceiling, bool Distinctive) BuildQuery(string message)
    {
        var query = new BooleanQuery();
        var ceiling = 0.0;
        var distinctive = false;
        var documents = _reader.NumDocs;
        foreach (var (field, boost) in new[] { (CustomerTextAnalyzer.WordsField, 1f), (CustomerTextAnalyzer.GramsField, GramBoost) })
        {
            foreach (var text in Terms(field, message))
            {
                var term = new Term(field, text);
                var frequency = _documentFrequency.GetValueOrDefault(term);
                if (field == CustomerTextAnalyzer.WordsField)
                {
                    distinctive |= frequency == 0 ? text.Length >= TypoMinLength : text.Length > 1 && frequency <= documents * DistinctiveShare;
                }

                var idf = Math.Log(1 + ((documents - frequency + 0.5) / (frequency + 0.5)));
                ceiling += idf * boost * (K1 + 1);
                if (frequency > 0)
                {
                    query.Add(new TermQuery(term) { Boost = boost }, Occur.SHOULD);
                }
            }
        }

        return (query, ceiling, distinctive);
    }

    private HashSet<string> Terms(string field, string message)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        using var stream = _analyzer.GetTokenStream(field, message);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
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
