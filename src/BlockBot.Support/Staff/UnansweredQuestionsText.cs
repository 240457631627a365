using System.Text;
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

    // Telegram takes 4,096 characters a message; the list stays within one.
    private const int MaxLength = 3_500;

    public async Task<string> DescribeAsync(CancellationToken cancellationToken)
    {
        var messages = await unanswered.ListAsync(Shown, cancellationToken);
        if (messages.Count == 0)
        {
            return "No unanswered customer messages.";
        }

        var text = new StringBuilder("The newest customer messages the bot did not understand (add their phrasings to dialogs/questions.yaml):");
        foreach (var line in messages.Select(m => $"{dates.Format(m.ReceivedAt, Languages.English)} · {m.Language} · {m.Place} · {m.Customer}: {OneLine(m.Text)}"))
        {
            if (text.Length + line.Length + 1 > MaxLength)
            {
                break;
            }

            text.Append('\n').Append(line);
        }

        return text.ToString();
    }

    /// <summary>Whether a staff chat message asks for the list: "/staff questions", "/questions" (also "/questions@bot") or "questions".</summary>
    public static bool IsRequest(string? text)
    {
        var words = (text ?? string.Empty).Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words switch
        {
            ["/staff", "questions"] => true,
            [var only] => only.Split('@')[0] is "/questions" or "questions",
            _ => false,
        };
    }

    private static string OneLine(string text)
    {
        var flat = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 200 ? flat : string.Concat(flat.AsSpan(0, 200), "…");
    }
}
