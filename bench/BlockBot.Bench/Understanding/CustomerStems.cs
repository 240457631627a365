using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util;

namespace BlockBot.Bench.Understanding;

/// <summary>
/// A message as the words the Lucene index sees: the chain of the product's <c>CustomerTextAnalyzer</c> words field
/// (ё read as е, standard tokens, lower case, Russian then English Snowball stems), joined by spaces, so ML.NET can be
/// fed the same stems. Not thread-safe: one per thread, like a PredictionEngine.
/// </summary>
public sealed class CustomerStems : IDisposable
{
    private readonly StemmingAnalyzer _analyzer = new();

    public string Of(string text)
    {
        using var stream = _analyzer.GetTokenStream("words", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var stems = new List<string>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            stems.Add(term.ToString());
        }

        stream.End();
        return string.Join(' ', stems);
    }

    public void Dispose() => _analyzer.Dispose();

    private sealed class StemmingAnalyzer : Analyzer
    {
        private static readonly NormalizeCharMap Folding = BuildFolding();

        protected override TextReader InitReader(string fieldName, TextReader reader) => new MappingCharFilter(Folding, reader);

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
            TokenStream stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, tokenizer);
            stream = new SnowballFilter(stream, new RussianStemmer());
            stream = new SnowballFilter(stream, new EnglishStemmer());
            return new TokenStreamComponents(tokenizer, stream);
        }

        private static NormalizeCharMap BuildFolding()
        {
            var builder = new NormalizeCharMap.Builder();
            builder.Add("ё", "е");
            builder.Add("Ё", "Е");
            return builder.Build();
        }
    }
}
