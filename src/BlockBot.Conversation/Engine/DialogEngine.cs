using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Conversation.Pipeline;
using BlockBot.Conversation.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlockBot.Conversation.Engine;

/// <summary>
/// The bot: every channel's turns come here. Messages answer the question the dialog is parked on or
/// run a command; events (reminders, staff decisions) move a parked dialog on.
/// </summary>
public sealed class DialogEngine : IBot
{
    private readonly DialogSetProvider _dialogs;
    private readonly BotStateAccessors _state;
    private readonly DialogRunner _runner;
    private readonly BuiltInCommands _commands;
    private readonly QuestionAnswering _questions;
    private readonly IHandoffRelay _relay;
    private readonly ConversationReferenceRecorder _references;
    private readonly ConversationOptions _options;
    private readonly ILogger<DialogEngine> _logger;

    internal DialogEngine(
        DialogSetProvider dialogs,
        BotStateAccessors state,
        DialogRunner runner,
        BuiltInCommands commands,
        QuestionAnswering questions,
        IHandoffRelay relay,
        ConversationReferenceRecorder references,
        IOptions<ConversationOptions> options,
        ILogger<DialogEngine> logger)
    {
        _dialogs = dialogs;
        _state = state;
        _runner = runner;
        _commands = commands;
        _questions = questions;
        _relay = relay;
        _references = references;
        _options = options.Value;
        _logger = logger;
    }

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        switch (turnContext.Activity.Type)
        {
            case ActivityTypes.Message:
                await WithTurnAsync(turnContext, turn => HandleMessageAsync(turn, cancellationToken), cancellationToken);
                break;
            case ActivityTypes.ConversationUpdate when turnContext.Activity.MembersAdded?.Any(m => m.Id != turnContext.Activity.Recipient?.Id) == true:
                await WithTurnAsync(turnContext, turn => GreetAsync(turn, cancellationToken), cancellationToken);
                break;
            default:
                _logger.LogDebug("Ignoring a {ActivityType} activity on {ChannelId}", turnContext.Activity.Type, turnContext.Activity.ChannelId);
                break;
        }
    }

    /// <summary>Delivers a named event (a reminder, a staff decision) into the conversation of this turn.</summary>
    public Task HandleEventAsync(ITurnContext turnContext, string eventName, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken) =>
        WithTurnAsync(turnContext, turn => DeliverEventAsync(turn, eventName, values, cancellationToken), cancellationToken);

    private async Task WithTurnAsync(ITurnContext context, Func<Turn, Task> handle, CancellationToken cancellationToken)
    {
        var state = await _state.Dialog.GetAsync(context, () => new DialogState(), cancellationToken);
        var profile = await _state.Profile.GetAsync(context, () => new UserProfile(), cancellationToken);
        var language = profile.Language ?? Languages.FromLocale(context.Activity.Locale, _options.DefaultLanguage);
        var turn = new Turn(context, _dialogs.Current, state, profile, language);
        profile.Language = language;

        await handle(turn);

        if (turn.ResetRequested)
        {
            _references.Forget(turn.Customer);
        }

        if (turn.ResetRequested && turn.State.Stack.Count == 0)
        {
            await _state.ConversationState.DeleteAsync(context, cancellationToken);
            await _state.UserState.DeleteAsync(context, cancellationToken);
        }
    }

    private async Task HandleMessageAsync(Turn turn, CancellationToken cancellationToken)
    {
        var text = turn.Context.Activity.Text?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            await turn.SayAsync(TextKeys.NonText, cancellationToken);
            await _runner.ContinueAsync(turn, cancellationToken);
            return;
        }

        if (text.Length > _options.MaxMessageLength)
        {
            _logger.LogInformation("A {Length}-character message from {Customer} was too long", text.Length, turn.Customer);
            await turn.SayAsync(TextKeys.TooLong, cancellationToken, new Dictionary<string, string> { ["max"] = _options.MaxMessageLength.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            await _runner.ContinueAsync(turn, cancellationToken);
            return;
        }

        if (text.StartsWith('/'))
        {
            await HandleCommandAsync(turn, text, cancellationToken);
            return;
        }

        if (await _questions.TryFollowSuggestionAsync(turn, text, cancellationToken))
        {
            return;
        }

        if (turn.State.Top is null)
        {
            await _questions.AnswerAtStartAsync(turn, text, cancellationToken);
            return;
        }

        switch (turn.CurrentStep)
        {
            case AskStep ask:
                await AnswerAsync(turn, turn.Dialogs[turn.State.Top.DialogId], ask, text, cancellationToken);
                break;
            case WaitStep wait:
                var relayed = await _relay.TryRelayAsync(turn.Customer, text, cancellationToken);
                if (await _questions.TryAnswerAsync(turn, text, relayed ? TextPlace.WaitingWithPerson : TextPlace.Waiting, cancellationToken))
                {
                    break;
                }

                if (relayed)
                {
                    await turn.SayAsync(TextKeys.Relayed, cancellationToken);
                }
                else
                {
                    _questions.Record(turn, text);
                    await turn.SayAsync(wait.Reply ?? turn.Dialogs.Text(TextKeys.Waiting), cancellationToken);
                }

                break;
            default:
                await _runner.ContinueAsync(turn, cancellationToken);
                break;
        }
    }

    private async Task HandleCommandAsync(Turn turn, string text, CancellationToken cancellationToken)
    {
        var parts = text.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var command = parts[0].Split('@')[0].ToLowerInvariant();
        var argument = parts.Length > 1 ? parts[1] : string.Empty;

        if (await _commands.TryHandleAsync(turn, command, argument, cancellationToken))
        {
            return;
        }

        if (turn.Dialogs.Commands.TryGetValue(command, out var dialog))
        {
            _runner.Start(turn, dialog, keepValues: false);
        }
        else
        {
            await turn.SayAsync(TextKeys.UnknownCommand, cancellationToken, new Dictionary<string, string> { ["command"] = command });
        }

        await _runner.ContinueAsync(turn, cancellationToken);
    }

    private async Task AnswerAsync(Turn turn, DialogDefinition dialog, AskStep ask, string text, CancellationToken cancellationToken)
    {
        var frame = turn.State.Top!;
        if (turn.State.PersonOffered && IsPersonRequest(turn, ask, text))
        {
            turn.State.ResetMisses();
            _runner.Start(turn, turn.Dialogs[DialogSet.OperatorDialogId], keepValues: true);
            await _runner.ContinueAsync(turn, cancellationToken);
            return;
        }

        string? value = null;
        string? jump = null;
        string retryKey;
        switch (ask.AskKind)
        {
            case AskKind.Text:
                retryKey = TextKeys.RetryTextLength;
                if (await _questions.TryAnswerAsync(turn, text, TextPlace.FreeText, cancellationToken))
                {
                    return;
                }

                if (text.Length >= ask.MinLength && text.Length <= ask.MaxLength)
                {
                    value = text;
                }

                break;
            case AskKind.YesNo:
                retryKey = TextKeys.RetryYesNo;
                var yes = AnswerMatcher.MatchYesNo(text, turn.Render(turn.Dialogs.Text(TextKeys.Yes)), turn.Render(turn.Dialogs.Text(TextKeys.No)))
                    ?? AnswerMatcher.LeadingYesNo(text);
                value = yes switch { true => "yes", false => "no", null => null };
                break;
            default:
                retryKey = TextKeys.RetryChoice;
                var index = AnswerMatcher.MatchChoice(text, ask.Choices, turn.Language);
                if (index >= 0)
                {
                    value = ask.Choices[index].Value;
                    jump = ask.Choices[index].Goto;
                }

                break;
        }

        if (value is null)
        {
            if (ask.AskKind != AskKind.Text)
            {
                if (await _questions.TryAnswerAsync(turn, text, ask.AskKind == AskKind.YesNo ? TextPlace.YesNo : TextPlace.Choice, cancellationToken))
                {
                    return;
                }

                _questions.Record(turn, text);
            }

            await MissAsync(turn, ask, retryKey, cancellationToken);
            return;
        }

        turn.State.Values[ask.Save] = value;
        turn.State.ResetMisses();
        frame.StepIndex = jump is null ? frame.StepIndex + 1 : dialog.IndexOf(jump);
        await _runner.ContinueAsync(turn, cancellationToken);
    }

    private async Task MissAsync(Turn turn, AskStep ask, string retryKey, CancellationToken cancellationToken)
    {
        turn.State.Misses++;
        if (turn.State.Misses > 2)
        {
            turn.State.Misses = 0;
            turn.State.PersonOffered = true;
            await turn.SayAsync(TextKeys.OfferPerson, cancellationToken);
        }
        else
        {
            var limits = new Dictionary<string, string>
            {
                ["min"] = ask.MinLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["max"] = ask.MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            await turn.SayAsync(ask.Hint ?? turn.Dialogs.Text(retryKey), cancellationToken, limits);
        }

        await _runner.PromptAsync(turn, ask, cancellationToken);
    }

    private static bool IsPersonRequest(Turn turn, AskStep ask, string text)
    {
        if (text == DialogRunner.PersonValue)
        {
            return true;
        }

        var buttonCount = ask.AskKind switch { AskKind.YesNo => 2, AskKind.Choice => ask.Choices.Count, _ => 0 };
        var personNumber = (buttonCount + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var personText = AnswerMatcher.Normalize(turn.Render(turn.Dialogs.Text(TextKeys.PersonButton)));
        var typed = AnswerMatcher.Normalize(text);
        return typed == personText || (ask.AskKind != AskKind.Text && typed == personNumber);
    }

    private async Task GreetAsync(Turn turn, CancellationToken cancellationToken)
    {
        if (turn.State.Top is null)
        {
            _runner.Start(turn, turn.Dialogs[DialogSet.MenuDialogId], keepValues: false);
        }

        await _runner.ContinueAsync(turn, cancellationToken);
    }

    private async Task DeliverEventAsync(Turn turn, string eventName, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        if (eventName == EventNames.StaffMessage)
        {
            await turn.SayAsync(TextKeys.StaffMessage, cancellationToken, values);
            return;
        }

        for (var level = turn.State.Stack.Count - 1; level >= 0; level--)
        {
            var frame = turn.State.Stack[level];
            if (!turn.Dialogs.Dialogs.TryGetValue(frame.DialogId, out var dialog) || frame.StepIndex >= dialog.Steps.Count)
            {
                continue;
            }

            var events = dialog.Steps[frame.StepIndex] switch
            {
                AskStep ask => ask.Events,
                WaitStep wait => wait.Events,
                _ => null,
            };
            if (events is null || !events.TryGetValue(eventName, out var target))
            {
                continue;
            }

            // Dialogs stacked above the one waiting for this event are abandoned: the event moves the case on.
            turn.State.Stack.RemoveRange(level + 1, turn.State.Stack.Count - level - 1);
            foreach (var (key, value) in values)
            {
                turn.State.Values[key] = value;
            }

            turn.State.ResetMisses();
            frame.StepIndex = dialog.IndexOf(target);
            _logger.LogInformation("Event {EventName} moved {Customer} to {DialogId}/{StepId}", eventName, turn.Customer, dialog.Id, target);
            await _runner.ContinueAsync(turn, cancellationToken);
            return;
        }

        if (turn.Dialogs.Texts.TryGetValue(TextKeys.Event(eventName), out var notice))
        {
            await turn.SayAsync(notice, cancellationToken, values);
            return;
        }

        _logger.LogInformation("Event {EventName} for {Customer} matched no waiting step and was ignored", eventName, turn.Customer);
    }
}
