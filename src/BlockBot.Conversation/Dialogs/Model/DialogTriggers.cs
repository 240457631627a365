namespace BlockBot.Conversation.Dialogs.Model;

/// <param name="Commands">Slash commands that start the dialog at any time, lower case, e.g. "/blocked".</param>
/// <param name="Keywords">Word stems per language that start the dialog from free text when no dialog runs.</param>
/// <param name="Interrupt">True: the dialog runs on top of the current one and returns to it when it ends.</param>
public sealed record DialogTriggers(
    IReadOnlyList<string> Commands,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Keywords,
    bool Interrupt)
{
    public static DialogTriggers None { get; } = new([], new Dictionary<string, IReadOnlyList<string>>(), false);
}
