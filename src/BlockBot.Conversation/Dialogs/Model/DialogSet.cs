using BlockBot.Conversation.Understanding;

namespace BlockBot.Conversation.Dialogs.Model;

/// <summary>Every dialog and shared text, loaded and validated.</summary>
public sealed class DialogSet
{
    public const string MenuDialogId = "menu";
    public const string OperatorDialogId = "operator";

    public DialogSet(IReadOnlyDictionary<string, DialogDefinition> dialogs, IReadOnlyDictionary<string, LocalizedText> texts, QuestionBook? questions = null)
    {
        Questions = questions ?? QuestionBook.Empty;
        Dialogs = dialogs;
        Texts = texts;
        Commands = dialogs.Values
            .SelectMany(d => d.Triggers.Commands.Select(c => (Command: c, Dialog: d)))
            .ToDictionary(x => x.Command, x => x.Dialog, StringComparer.OrdinalIgnoreCase);
        Menu = dialogs.Values.Where(d => d.MenuPosition is not null).OrderBy(d => d.MenuPosition).ToList();
    }

    public IReadOnlyDictionary<string, DialogDefinition> Dialogs { get; }

    public IReadOnlyDictionary<string, LocalizedText> Texts { get; }

    public IReadOnlyDictionary<string, DialogDefinition> Commands { get; }

    public IReadOnlyList<DialogDefinition> Menu { get; }

    /// <summary>What customers ask in their own words (the questions file), ready to understand messages.</summary>
    public QuestionBook Questions { get; }

    public DialogDefinition this[string dialogId] => Dialogs[dialogId];

    public LocalizedText Text(string key) =>
        Texts.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"texts.yaml has no text '{key}'.");
}
