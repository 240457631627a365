using BlockBot.Conversation;

namespace BlockBot.Tests.Conversation;

/// <summary>Outside text shown in a terminal or a log line cannot drive the terminal or start a line of its own.</summary>
public sealed class VisibleTextTests
{
    [Theory]
    [InlineData("\u001b[2J\u0007\u0000", @"\x1b[2J\x07\x00")]
    [InlineData("first\nwarn: forged line\r", @"first\nwarn: forged line\r")]
    [InlineData("tab\tand DEL\u007f and C1 \u009b", @"tab\tand DEL\x7f and C1 \x9b")]
    [InlineData("\u202eevil\u2028next\u2066", @"\u202eevil\u2028next\u2066")]
    [InlineData("Продажи · 💥 \"quoted\" C:\\path", "Продажи · 💥 \"quoted\" C:\\path")]
    [InlineData("", "")]
    public void Control_and_escape_characters_become_visible_and_the_rest_stays(string text, string shown)
    {
        Assert.Equal(shown, VisibleText.Escape(text));
    }
}
