using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace BlockBot.Conversation.Understanding;

/// <summary>
/// Reads a word typed in two alphabets as the one it is mostly in: "пoдключить" with a Latin o becomes all Cyrillic,
/// so it meets "подключить". Only letters that look alike in both alphabets are swapped; other words pass untouched.
/// </summary>
internal sealed class MixedScriptFilter : TokenFilter
{
    private const string Latin = "aeopcxykmthb";
    private const string Cyrillic = "аеорсхукмтнв";

    private readonly ICharTermAttribute _term;

    public MixedScriptFilter(TokenStream input)
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

        var buffer = _term.Buffer;
        var length = _term.Length;
        var cyrillic = 0;
        var latin = 0;
        for (var i = 0; i < length; i++)
        {
            if (buffer[i] is >= 'а' and <= 'я' or 'ё')
            {
                cyrillic++;
            }
            else if (buffer[i] is >= 'a' and <= 'z')
            {
                latin++;
            }
        }

        if (cyrillic > 0 && latin > 0 && cyrillic >= latin)
        {
            for (var i = 0; i < length; i++)
            {
                var at = Latin.IndexOf(buffer[i], StringComparison.Ordinal);
                if (at >= 0)
                {
                    buffer[i] = Cyrillic[at];
                }
            }
        }

        return true;
    }
}
