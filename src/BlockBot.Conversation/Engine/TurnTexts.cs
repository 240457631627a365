using BlockBot.Conversation.Abstractions;

namespace BlockBot.Conversation.Engine;

/// <summary>The <see cref="ITurnTexts"/> of one turn.</summary>
internal sealed class TurnTexts(Turn turn) : ITurnTexts
{
    public string Language => turn.Language;

    public string Render(string key, IReadOnlyDictionary<string, string> values) => turn.Render(turn.Dialogs.Text(key), values);

    public string RenderOr(string key, string fallback) =>
        turn.Dialogs.Texts.TryGetValue(key, out var text) ? turn.Render(text) : fallback;
}
