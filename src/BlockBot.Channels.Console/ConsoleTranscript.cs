using BlockBot.Conversation;

namespace BlockBot.Channels.Console;

/// <summary>
/// The terminal's output, shared by the customer side and the staff side so their lines never
/// interleave mid-line. Plain lines when scripted; a little framing when a person is typing. Every line is
/// printed inert: control and escape characters (a customer's <c>\x1b[2J</c>, a bell) show as visible escapes.
/// </summary>
public sealed class ConsoleTranscript(TextWriter output, bool interactive)
{
    private readonly Lock _gate = new();

    public bool Interactive { get; } = interactive;

    public void Bot(string text, IReadOnlyList<string> buttons)
    {
        lock (_gate)
        {
            foreach (var line in text.Split('\n'))
            {
                output.WriteLine(VisibleText.Escape(line.TrimEnd('\r')));
            }

            for (var i = 0; i < buttons.Count; i++)
            {
                output.WriteLine($"  {i + 1}. {VisibleText.Escape(buttons[i])}");
            }

            if (Interactive)
            {
                output.WriteLine();
            }

            output.Flush();
        }
    }

    public void Staff(string text)
    {
        lock (_gate)
        {
            foreach (var line in text.Split('\n'))
            {
                output.WriteLine($"[staff] {VisibleText.Escape(line.TrimEnd('\r'))}");
            }

            output.Flush();
        }
    }

    public void Note(string text)
    {
        lock (_gate)
        {
            output.WriteLine(VisibleText.Escape(text));
            output.Flush();
        }
    }
}
