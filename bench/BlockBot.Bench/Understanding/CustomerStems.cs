using BlockBot.Conversation.Understanding;
using Lucene.Net.Analysis.TokenAttributes;

namespace BlockBot.Bench.Understanding;

/// <summary>
/// A message as the words the Lucene index sees — the product's own <see cref="CustomerTextAnalyzer"/> words field —
/// joined by spaces, so ML.NET can be fed the same stems. Not thread-safe: one per thread, like a PredictionEngine.
/// </summary>
public sealed class CustomerStems : IDisposable
{
    private readonly CustomerTextAnalyzer _analyzer = new();

    public string Of(string text)
    {
        using var stream = _analyzer.GetTokenStream(CustomerTextAnalyzer.WordsField, text);
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
}
