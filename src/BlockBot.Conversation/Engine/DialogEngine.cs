using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Conversation.Handover;
using BlockBot.Conversation.Pipeline;
using BlockBot.Conversation.State;
using BlockBot.Conversation.Steps;
using BlockBot.Conversation.Transcripts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlockBot.Conversation.Engine;

/// <summary>
/// The bot: every channel's turns come here, and this class routes them. A message runs a command, answers a
/// question of the customer's own, or goes to the step the dialog is parked on (<see cref="IStepAnswer"/>); an event
/// goes to <see cref="EventReceiver"/>; a new member is greeted with the menu.
/// </summary>
public sealed class DialogEngine : IBot
{
    private const string StartCommand = "/start";

    private readonly DialogSetProvider _dialogs;
    private readonly BotStateAccessors _state;
    private readonly DialogRunner _runner;
    private readonly BuiltInCommands _commands;
    private readonly QuestionAnswering _questions;
    private readonly EventReceiver _events;
    private readonly HandoverAcceptance _handover;
    private readonly Dictionary<Type, IStepAnswer> _answers;
    private readonly ConversationReferenceRecorder _references;
    private readonly ConversationOptions _options;
    private readonly ILogger<DialogEngine> _logger;

    internal DialogEngine(
        DialogSetProvider dialogs,
        BotStateAccessors state,
        DialogRunner runner,
        BuiltInCommands commands,
        QuestionAnswering questions,
        EventReceiver events,
        HandoverAcceptance handover,
        IEnumerable<IStepAnswer> answers,
        ConversationReferenceRecorder references,
        IOptions<ConversationOptions> options,
        ILogger<DialogEngine> logger)
    {
        _dialogs = dialogs;
        _state = state;
        _runner = runner;
        _commands = commands;
        _questions = questions;
        _events = events;
        _handover = handover;
        _answers = answers.ToDictionary(a => a.StepType);
        _references = references;
        _options = options.Value;
        _logger = logger;
    }

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        switch (turnContext.Activity.Type)
        {
            case ActivityTypes.Message:
                TurnTranscript.Find(turnContext)?.Received(turnContext.Activity);
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

    /// <summary>Delivers a named event (a scheduled one, a staff decision) into the conversation of this turn.</summary>
    public Task HandleEventAsync(ITurnContext turnContext, string eventName, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken) =>
        WithTurnAsync(turnContext, turn => _events.ReceiveAsync(turn, eventName, values, cancellationToken), cancellationToken);

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
            TurnTranscript.Find(context)?.Forget();
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

        if (turn.CurrentStep is { } step && _answers.TryGetValue(step.GetType(), out var answer))
        {
            await answer.AnswerAsync(turn, turn.Dialogs[turn.State.Top.DialogId], step, text, cancellationToken);
            return;
        }

        await _runner.ContinueAsync(turn, cancellationToken);
    }

    private async Task HandleCommandAsync(Turn turn, string text, CancellationToken cancellationToken)
    {
        var parts = text.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var command = parts[0].Split('@')[0].ToLowerInvariant();
        var argument = parts.Length > 1 ? parts[1] : string.Empty;

        // A link from another channel opens the bot with "/start <code>" (ADR 0015).
        if (command == StartCommand && HandoverOffer.IsCodeShaped(argument) && await _handover.TryAcceptAsync(turn, argument, cancellationToken))
        {
            await _runner.ContinueAsync(turn, cancellationToken);
            return;
        }

        if (await _commands.TryHandleAsync(turn, command, argument, cancellationToken))
        {
            return;
        }

        if (turn.Dialogs.Commands.TryGetValue(command, out var dialog))
        {
            turn.StartDialog(dialog, keepValues: false);
        }
        else
        {
            await turn.SayAsync(TextKeys.UnknownCommand, cancellationToken, new Dictionary<string, string> { ["command"] = command });
        }

        await _runner.ContinueAsync(turn, cancellationToken);
    }

    private async Task GreetAsync(Turn turn, CancellationToken cancellationToken)
    {
        if (turn.State.Top is null)
        {
            turn.StartDialog(turn.Dialogs[DialogSet.MenuDialogId], keepValues: false);
        }

        await _runner.ContinueAsync(turn, cancellationToken);
    }
}
