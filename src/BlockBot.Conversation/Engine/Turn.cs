using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Conversation.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BlockBot.Conversation.Engine;

/// <summary>Everything one turn works with: the context, the loaded state, the language, and how to speak.</summary>
internal sealed class Turn(ITurnContext context, DialogSet dialogs, DialogState state, UserProfile profile, string language)
{
    public ITurnContext Context { get; } = context;

    public DialogSet Dialogs { get; } = dialogs;

    public DialogState State { get; } = state;

    public UserProfile Profile { get; } = profile;

    public string Language { get; set; } = language;

    public CustomerId Customer { get; } = new(context.Activity.ChannelId, context.Activity.From?.Id ?? "unknown");

    public bool ResetRequested { get; set; }

    /// <summary>The step the conversation is parked on (an ask or a wait), or null when no dialog runs.</summary>
    public DialogStep? CurrentStep =>
        State.Top is { } frame && Dialogs.Dialogs.TryGetValue(frame.DialogId, out var dialog) && frame.StepIndex >= 0 && frame.StepIndex < dialog.Steps.Count
            ? dialog.Steps[frame.StepIndex]
            : null;

    /// <summary>
    /// Puts <paramref name="dialog"/> on top. An interrupting dialog sits above the current one; any other replaces the
    /// stack, and its values too unless <paramref name="keepValues"/>.
    /// </summary>
    public void StartDialog(DialogDefinition dialog, bool keepValues)
    {
        if (!dialog.Triggers.Interrupt)
        {
            if (keepValues)
            {
                State.Stack.Clear();
            }
            else
            {
                State.Clear();
            }
        }

        State.ResetMisses();
        State.Stack.Add(new DialogFrame { DialogId = dialog.Id, StepIndex = 0 });
    }

    public string Render(LocalizedText text, IReadOnlyDictionary<string, string>? extra = null)
    {
        IReadOnlyDictionary<string, string> values = State.Values;
        if (extra is { Count: > 0 })
        {
            var merged = new Dictionary<string, string>(State.Values, StringComparer.Ordinal);
            foreach (var (key, value) in extra)
            {
                merged[key] = value;
            }

            values = merged;
        }

        return TextTemplate.Render(text.For(Language), values, Dialogs.Text(TextKeys.Yes).For(Language), Dialogs.Text(TextKeys.No).For(Language));
    }

    public Task SayAsync(string textKey, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? extra = null) =>
        SayAsync(Dialogs.Text(textKey), cancellationToken, extra);

    public Task SayAsync(LocalizedText text, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? extra = null) =>
        SendAsync(Render(text, extra), [], cancellationToken);

    public async Task SendAsync(string text, IReadOnlyList<CardAction> buttons, CancellationToken cancellationToken)
    {
        var activity = MessageFactory.Text(text);
        activity.Locale = Language;
        if (buttons.Count > 0)
        {
            activity.SuggestedActions = new SuggestedActions { Actions = buttons.ToList() };
        }

        await Context.SendActivityAsync(activity, cancellationToken);
    }
}
