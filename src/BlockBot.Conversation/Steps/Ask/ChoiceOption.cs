using BlockBot.Conversation.Dialogs.Model;

namespace BlockBot.Conversation.Steps.Ask;

/// <param name="Goto">Step to jump to when this option is picked; null continues with the next step.</param>
public sealed record ChoiceOption(string Value, LocalizedText Text, string? Goto, SourceLocation Location)
{
    /// <summary>The longest value a button can send back on every channel: Telegram's callback_data is 1–64 bytes.</summary>
    public const int MaxValueBytes = 64;
}
