using System.Text.RegularExpressions;
using BlockBot.Conversation;
using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Conversation.Steps.Ask;
using BlockBot.Conversation.Steps.Say;
using BlockBot.Conversation.Steps.Wait;

namespace BlockBot.Bench;

/// <summary>
/// A bot message the customer waits for, taken from the loaded dialogs: a step's text (a say, an ask's
/// prompt) or a texts.yaml entry, in Russian. Placeholders such as <c>{line}</c> match any value.
/// </summary>
public sealed class ReplyPattern
{
    private readonly Regex _regex;

    private ReplyPattern(string description, LocalizedText text)
    {
        Description = description;
        var template = text.For(Languages.Russian);
        var pattern = "^" + string.Join(".*?", Regex.Split(template, @"\{[a-z_][a-z0-9_]*\}").Select(Regex.Escape)) + "$";
        _regex = new Regex(pattern, RegexOptions.Singleline | RegexOptions.Compiled | RegexOptions.CultureInvariant);
    }

    public string Description { get; }

    public bool Matches(string text) => _regex.IsMatch(text);

    public static ReplyPattern Step(DialogSet dialogs, string dialogId, string stepId)
    {
        var dialog = dialogs[dialogId];
        var index = dialog.IndexOf(stepId);
        var text = index < 0 ? null : dialog.Steps[index] switch
        {
            SayStep say => say.Text,
            AskStep ask => ask.Prompt,
            WaitStep { Reply: { } reply } => reply,
            _ => null,
        };

        return new ReplyPattern($"{dialogId}/{stepId}", text ?? throw new InvalidOperationException($"{dialogId}/{stepId} is not a step that says something."));
    }

    public static ReplyPattern Text(DialogSet dialogs, string key) => new($"texts/{key}", dialogs.Text(key));

    public override string ToString() => Description;
}
