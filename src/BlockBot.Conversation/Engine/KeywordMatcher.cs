using BlockBot.Conversation.Dialogs.Model;

namespace BlockBot.Conversation.Engine;

/// <summary>
/// Picks the dialog a free-text message asks for. A keyword is a word stem that must start a word
/// (stems are prefixes: "блок" finds "блокировка" but not "заблокировали"), and the longest
/// matching stem wins, so "не разблокировали" goes to the refusal dialog rather than the block dialog;
/// between equally long stems the one said first wins ("почему блокируют" asks about causes).
/// </summary>
public static class KeywordMatcher
{
    public static DialogDefinition? Find(DialogSet dialogs, string text)
    {
        var padded = " " + AnswerMatcher.Normalize(text);
        DialogDefinition? best = null;
        var bestLength = 0;
        var bestPosition = int.MaxValue;
        foreach (var dialog in dialogs.Dialogs.Values.OrderBy(d => d.MenuPosition ?? int.MaxValue).ThenBy(d => d.Id, StringComparer.Ordinal))
        {
            foreach (var stem in dialog.Triggers.Keywords.Values.SelectMany(k => k))
            {
                var normalized = AnswerMatcher.Normalize(stem);
                var position = padded.IndexOf(" " + normalized, StringComparison.Ordinal);
                if (position < 0)
                {
                    continue;
                }

                if (normalized.Length > bestLength || (normalized.Length == bestLength && position < bestPosition))
                {
                    best = dialog;
                    bestLength = normalized.Length;
                    bestPosition = position;
                }
            }
        }

        return best;
    }
}
