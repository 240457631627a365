using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.NGram;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util;

namespace BlockBot.Conversation.Understanding;

/// <summary>
/// How customers' text and the questions file's examples are cut into terms, for Russian and English alike:
/// words lower-cased with ё read as е (and a word typed in two alphabets read in the one it is mostly in), then Snowball-stemmed in both languages (each stemmer leaves the other
/// script alone), so "заблокировали", "заблокирован" and "блокировка"'s forms meet; and, in a second field,
/// character trigrams of the words, so a typo still shares most of its trigrams with the word meant.
/// </summary>
internal sealed class CustomerTextAnalyzer : Analyzer
{
    public const string WordsField = "words";
    public const string GramsField = "grams";
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public CustomerTextAnalyzer()
        : base(PER_FIELD_REUSE_STRATEGY)
    {
    }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new MixedScriptFilter(new YoFoldingFilter(new LowerCaseFilter(Version, tokenizer)));
        if (fieldName == GramsField)
        {
            stream = new NGramTokenFilter(Version, stream, 3, 3);
        }
        else
        {
            stream = new SnowballFilter(stream, new RussianStemmer());
            stream = new SnowballFilter(stream, new EnglishStemmer());
        }

        return new TokenStreamComponents(tokenizer, stream);
    }
}
