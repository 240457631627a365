using Microsoft.Bot.Builder;

namespace BlockBot.Conversation.Abstractions;

/// <summary>What an action sees: who it acts for, the step's arguments and the conversation's saved values.</summary>
/// <param name="Values">The dialog's saved values; an action may read them and write results into them.</param>
public sealed record DialogActionContext(
    ITurnContext Turn,
    CustomerId Customer,
    string Language,
    IReadOnlyDictionary<string, string> Arguments,
    IDictionary<string, string> Values)
{
    /// <summary>The dialogs' texts as this customer reads them, for an action that speaks itself; set when a dialog step runs the action.</summary>
    public ITurnTexts? Texts { get; init; }

    /// <summary>Set by an action that erased the customer's data: the engine then clears the conversation's state too.</summary>
    public bool ConversationResetRequested { get; private set; }

    public void RequestConversationReset() => ConversationResetRequested = true;

    public string RequireValue(string name) =>
        Values.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value)
            ? value
            : throw new InvalidOperationException($"The dialog has no saved value '{name}' that this action needs.");

    public string RequireArgument(string name) =>
        Arguments.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value)
            ? value
            : throw new InvalidOperationException($"The step gives no argument '{name}' that this action needs.");
}
