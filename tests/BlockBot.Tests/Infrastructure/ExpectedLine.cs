using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Conversation.Transcripts;

namespace BlockBot.Tests.Infrastructure;

/// <summary>A transcript line a test expects: the customer's exact text, or a bot message from the real dialog files.</summary>
public sealed record ExpectedLine(TranscriptDirection Direction, string? Text, Expected? Said)
{
    public static ExpectedLine In(string text) => new(TranscriptDirection.In, text, null);

    public static ExpectedLine Out(string dialogId, string stepId) => Out(Expected.Step(dialogId, stepId));

    public static ExpectedLine Out(Expected said) => new(TranscriptDirection.Out, null, said);

    /// <summary>Asserts <paramref name="lines"/> are exactly <paramref name="expected"/>, in order (bot texts in Russian).</summary>
    public static void AssertAll(DialogSet dialogs, IReadOnlyList<ExpectedLine> expected, IReadOnlyList<TranscriptLine> lines)
    {
        Assert.Equal(expected.Select(e => e.Direction), lines.Select(l => l.Direction));
        foreach (var (line, wanted) in lines.Zip(expected))
        {
            wanted.Check(dialogs, line);
        }
    }

    public void Check(DialogSet dialogs, TranscriptLine line)
    {
        Assert.Equal(Direction, line.Direction);
        if (Said is not null)
        {
            Said.Check(dialogs, "ru", line.Text);
        }
        else
        {
            Assert.Equal(Text, line.Text);
        }
    }
}
