using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace BlockBot.Conversation.Understanding;

/// <summary>
/// Reads ё as е in a lower-cased word, in place, so "ещё" and "еще" are one term whichever
/// the customer typed. A char filter before the tokenizer did this too, but it copied every message into a new buffer.
/// </summary>
internal sealed class YoFoldingFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public YoFoldingFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        _term.Buffer.AsSpan(0, _term.Length).Replace('ё', 'е');
        return true;
    }
}
