using System.Text;
using BlockBot.Channels.Telegram.Sending;

namespace BlockBot.Tests.Channels.Telegram;

/// <summary>Plain text to Telegram: escaped for HTML mode, and split into parts Telegram accepts.</summary>
public sealed class TelegramTextTests
{
    [Fact]
    public void Html_escapes_what_Telegram_reserves_and_nothing_else()
    {
        Assert.Equal("&lt;b&gt;Sales &amp; Co&lt;/b&gt; \"ok\" 'ok' «ок»", TelegramText.Html("<b>Sales & Co</b> \"ok\" 'ok' «ок»"));
        Assert.Equal("&amp;amp;", TelegramText.Html("&amp;"));
    }

    [Fact]
    public void A_text_within_the_limit_is_one_part_as_it_is()
    {
        var text = new string('я', TelegramText.MaxLength);
        Assert.Equal([text], TelegramText.Split(text));
    }

    [Fact]
    public void A_long_text_is_split_at_paragraph_boundaries_as_full_as_each_part_can_be()
    {
        var paragraphs = Enumerable.Range(0, 5).Select(i => Paragraph((char)('a' + i), 1500)).ToList();
        var parts = TelegramText.Split(string.Join("\n\n", paragraphs));

        Assert.Equal(
            [paragraphs[0] + "\n\n" + paragraphs[1], paragraphs[2] + "\n\n" + paragraphs[3], paragraphs[4]],
            parts);
    }

    [Fact]
    public void A_paragraph_exactly_as_long_as_the_limit_is_a_part_of_its_own()
    {
        var first = Paragraph('p', TelegramText.MaxLength);
        var second = Paragraph('q', 10);
        Assert.Equal(TelegramText.MaxLength, first.Length);

        Assert.Equal([first, second], TelegramText.Split(first + "\n\n" + second));
        Assert.Equal([first, second], TelegramText.Split(first + "\n" + second));
        Assert.Equal([first, second], TelegramText.Split(first + " " + second));
    }

    [Fact]
    public void A_paragraph_over_the_limit_is_split_at_line_breaks_then_spaces()
    {
        var lines = Enumerable.Range(0, 3).Select(i => Paragraph((char)('k' + i), 3000).Replace("\n\n", " ", StringComparison.Ordinal)).ToList();
        var parts = TelegramText.Split(string.Join("\n", lines));
        Assert.Equal(lines, parts);

        var words = string.Join(' ', Enumerable.Repeat("слово", 2000));
        var byWords = TelegramText.Split(words);
        Assert.All(byWords, p => Assert.True(p.Length <= TelegramText.MaxLength));
        Assert.All(byWords, p => Assert.DoesNotContain(p.Split(' '), w => w != "слово"));
        Assert.Equal(words, string.Join(' ', byWords));
    }

    [Fact]
    public void Text_without_any_break_is_cut_hard_but_never_inside_a_surrogate_pair()
    {
        var text = new string('x', TelegramText.MaxLength - 1) + "😀" + new string('y', 5000);
        var parts = TelegramText.Split(text);

        Assert.Equal(text, string.Concat(parts));
        Assert.All(parts, p => Assert.True(p.Length <= TelegramText.MaxLength));
        Assert.All(parts, p => Assert.True(IsWellFormed(p), "a part ends or starts with half an emoji"));
    }

    [Fact]
    public void Only_whitespace_at_the_cuts_is_lost_and_no_part_is_blank()
    {
        var random = new Random(4096);
        for (var round = 0; round < 300; round++)
        {
            var limit = random.Next(20, 200);
            var text = RandomText(random, random.Next(0, 2000));
            var parts = TelegramText.Split(text, limit);

            Assert.All(parts, p => Assert.True(p.Length <= limit, $"a part of {p.Length} characters; the limit is {limit}"));
            if (text.Length > limit)
            {
                Assert.All(parts, p => Assert.False(string.IsNullOrWhiteSpace(p), "a blank part"));
            }

            Assert.Equal(WithoutWhitespace(text), WithoutWhitespace(string.Concat(parts)));
            Assert.All(parts, p => Assert.True(IsWellFormed(p), "half an emoji"));
        }
    }

    [Fact]
    public void Paragraphs_that_fit_are_never_cut()
    {
        var random = new Random(20);
        for (var round = 0; round < 200; round++)
        {
            var limit = random.Next(50, 300);
            var paragraphs = Enumerable.Range(0, random.Next(1, 15))
                .Select(_ => RandomText(random, random.Next(1, limit - 5)).Replace("\n", " ", StringComparison.Ordinal).Trim())
                .Where(p => p.Length > 0)
                .ToList();
            var parts = TelegramText.Split(string.Join("\n\n", paragraphs), limit);

            Assert.Equal(paragraphs, parts.SelectMany(p => p.Split("\n\n")));
        }
    }

    private static string Paragraph(char letter, int length)
    {
        var builder = new StringBuilder(length);
        while (builder.Length < length)
        {
            builder.Append(letter, Math.Min(9, length - builder.Length));
            if (builder.Length < length - 1)
            {
                builder.Append(' ');
            }
        }

        return builder.ToString(0, length).TrimEnd();
    }

    private static string RandomText(Random random, int length)
    {
        string[] pieces = ["a", "б", "word", "слово", " ", " ", "\n", "\n\n", "😀", "<", "&"];
        var builder = new StringBuilder();
        while (builder.Length < length)
        {
            builder.Append(pieces[random.Next(pieces.Length)]);
        }

        return builder.ToString();
    }

    private static string WithoutWhitespace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && (i + 1 == text.Length || !char.IsLowSurrogate(text[++i])))
            {
                return false;
            }

            if (char.IsLowSurrogate(text[i]) && (i == 0 || !char.IsHighSurrogate(text[i - 1])))
            {
                return false;
            }
        }

        return true;
    }
}
