namespace BlockBot.Conversation.Understanding;

/// <summary>
/// One line of a labelled check file: the topic a message should be understood as. <see cref="OutOfScope"/> labels a
/// message the bot should recognise as outside what it knows; <see cref="LineName"/> a plain open-line name typed
/// where the bot asks for one, which must be taken as the answer and never as a question.
/// </summary>
public sealed record LabelledMessage(string Label, string Message, int Line)
{
    public const string OutOfScope = "none";
    public const string LineName = "line";

    /// <summary>Reads <c>topic&lt;TAB&gt;message</c> lines; blank lines and lines starting with # are skipped.</summary>
    /// <exception cref="FormatException">A line has no tab.</exception>
    public static IReadOnlyList<LabelledMessage> Parse(TextReader reader)
    {
        var messages = new List<LabelledMessage>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0 || tab == line.Length - 1)
            {
                throw new FormatException($"line {number}: expected topic<TAB>message");
            }

            messages.Add(new LabelledMessage(line[..tab].Trim(), line[(tab + 1)..].Trim(), number));
        }

        return messages;
    }
}
