using BlockBot.Conversation;
using BlockBot.Conversation.Understanding;

namespace BlockBot.Support.Staff;

/// <summary>
/// <c>/staff questions</c>, the same in every staff chat: the newest messages the bot did not understand, so support
/// can add their phrasings to dialogs/questions.yaml. The customer's words are plain text here; each chat escapes them.
/// </summary>
public sealed class UnansweredQuestionsText(IUnansweredMessages unanswered, DateDisplay dates)
{
    public const int Shown = 20;

    public async Task<string> DescribeAsync(CancellationToken cancellationToken)
    {
        var messages = await unanswered.ListAsync(Shown, cancellationToken);
        if (messages.Count == 0)
        {
            return "No unanswered customer messages.";
        }

        var lines = new List<string> { $"The {messages.Count} newest customer messages the bot did not understand (add them to dialogs/questions.yaml):" };
        lines.AddRange(messages.Select(m => $"{dates.Format(m.ReceivedAt, Languages.English)} · {m.Language} · {m.Place} · {m.Customer}: {OneLine(m.Text)}"));
        return string.Join("\n", lines);
    }

    private static string OneLine(string text)
    {
        var flat = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 300 ? flat : string.Concat(flat.AsSpan(0, 300), "…");
    }
}
