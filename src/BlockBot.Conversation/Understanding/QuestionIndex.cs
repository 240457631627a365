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
/// its best example's BM25 score divided by the most the message's terms could score at all, so it reads as
/// "how much of what was written this topic explains": words the index has never seen count against every topic.
/// </summary>
public sealed class QuestionIndex : IDisposable
{
    private const int HitsConsidered = 40;
    private static readonly float GramBoost = float.Parse(Environment.GetEnvironmentVariable("XG") ?? "0.35", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly float K1 = float.Parse(Environment.GetEnvironmentVariable("XK") ?? "1.2", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly float B = float.Parse(Environment.GetEnvironmentVariable("XB") ?? "0.75", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly int TopK = int.Parse(Environment.GetEnvironmentVariable("XT") ?? "1", System.Globalization.CultureInfo.InvariantCulture);

    private readonly IReadOnlyList<QuestionEntry> _entries;
    private readonly RAMDirectory _directory = new();
    private readonly CustomerTextAnalyzer _analyzer = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly int[] _entryOfDocument;

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
    }

    public int ExampleCount => _entryOfDocument.Length;

    /// <summary>The two topics that explain the message best, best first (fewer when fewer share a term with it).</summary>
    public IReadOnlyList<TopicMatch> Rank(string message)
    {
        var (query, ceiling) = BuildQuery(message);
        if (ceiling <= 0 || query.Clauses.Count == 0)
        {
            return [];
        }

        var all = new Dictionary<int, List<double>>();
        foreach (var hit in _searcher.Search(query, HitsConsidered).ScoreDocs)
        {
            var entry = _entryOfDocument[hit.Doc];
            var score = hit.Score / ceiling;
            if (!all.TryGetValue(entry, out var list)) { all[entry] = list = []; }
            list.Add(score);
        }
        var best = all.ToDictionary(p => p.Key, p => p.Value.OrderByDescending(x => x).Take(TopK).Sum() / TopK);

        return best.OrderByDescending(p => p.Value).Take(2).Select(p => new TopicMatch(_entries[p.Key], p.Value)).ToList();
    }

    /// <returns>The query, and the most any document could score for it (every term matched as well as BM25 allows).</returns>
    private (BooleanQuery Query, double Ceiling) BuildQuery(string message)
    {
        var query = new BooleanQuery();
        var ceiling = 0.0;
        var documents = _reader.NumDocs;
        foreach (var (field, boost) in new[] { (CustomerTextAnalyzer.WordsField, 1f), (CustomerTextAnalyzer.GramsField, GramBoost) })
        {
            foreach (var text in Terms(field, message))
            {
                var term = new Term(field, text);
                var frequency = _reader.DocFreq(term);
                var idf = Math.Log(1 + ((documents - frequency + 0.5) / (frequency + 0.5)));
                ceiling += idf * boost * (K1 + 1);
                if (frequency > 0)
                {
                    query.Add(new TermQuery(term) { Boost = boost }, Occur.SHOULD);
                }
            }
        }

        return (query, ceiling);
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
