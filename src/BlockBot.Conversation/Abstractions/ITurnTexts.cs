namespace BlockBot.Conversation.Abstractions;

/// <summary>The texts of the dialogs folder as this turn's customer reads them: their language, the conversation's values.</summary>
public interface ITurnTexts
{
    string Language { get; }

    /// <summary>The text under <paramref name="key"/>, its placeholders filled from <paramref name="values"/> and the conversation's values.</summary>
    string Render(string key, IReadOnlyDictionary<string, string> values);

    /// <summary>The text under <paramref name="key"/> when <c>texts.yaml</c> has one, else <paramref name="fallback"/>.</summary>
    string RenderOr(string key, string fallback);
}
