using System.Globalization;
using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Dialogs.Model;
using Microsoft.Extensions.Logging;

namespace BlockBot.Conversation.Engine;

/// <summary>The commands that work at every step without leaving it: /help, /status, /lang, /cancel.</summary>
internal sealed class BuiltInCommands(
    DialogRunner runner,
    ICustomerStatusSource statusSource,
    IEnumerable<IDialogAction> actions,
    DateDisplay dates,
    ILogger<BuiltInCommands> logger)
{
    private const string CloseCaseAction = "close_case";
    private readonly IDialogAction? _closeCase = actions.FirstOrDefault(a => a.Name == CloseCaseAction);

    /// <returns>False when the command is not a built-in one.</returns>
    public async Task<bool> TryHandleAsync(Turn turn, string command, string argument, CancellationToken cancellationToken)
    {
        switch (command)
        {
            case "/help":
                await turn.SayAsync(TextKeys.Help, cancellationToken);
                break;
            case "/status":
                await SayStatusAsync(turn, cancellationToken);
                break;
            case "/lang":
                await SwitchLanguageAsync(turn, argument, cancellationToken);
                break;
            case "/cancel":
                await CancelAsync(turn, cancellationToken);
                return true;
            default:
                return false;
        }

        // The customer is still where they were: show the open question again.
        await runner.ContinueAsync(turn, cancellationToken);
        return true;
    }

    private async Task SayStatusAsync(Turn turn, CancellationToken cancellationToken)
    {
        var status = await statusSource.GetStatusAsync(turn.Customer, cancellationToken);
        if (status is null)
        {
            await turn.SayAsync(TextKeys.StatusNone, cancellationToken);
            return;
        }

        var lines = new List<string>
        {
            turn.Render(turn.Dialogs.Text(TextKeys.StatusCase), new Dictionary<string, string>
            {
                ["line"] = status.Line,
                ["stage"] = TextOrKey(turn, TextKeys.Stage(status.Stage), status.Stage),
            }),
        };

        if (status.NextReminderKind is { } reminder && status.NextReminderAt is { } due)
        {
            lines.Add(turn.Render(turn.Dialogs.Text(TextKeys.StatusReminder), new Dictionary<string, string>
            {
                ["reminder"] = TextOrKey(turn, TextKeys.Reminder(reminder), reminder),
                ["date"] = dates.Format(due, turn.Language),
            }));
        }

        if (status.TicketId is { } ticketId)
        {
            var ticketValues = new Dictionary<string, string>
            {
                ["ticket_id"] = ticketId.ToString(CultureInfo.InvariantCulture),
                ["state"] = TextOrKey(turn, TextKeys.TicketState(status.TicketState ?? "open"), status.TicketState ?? "open"),
                ["staff"] = status.TicketHandledBy ?? "—",
                ["date"] = status.TicketOpensAt is { } opens ? dates.Format(opens, turn.Language) : string.Empty,
            };
            var key = status.TicketState == "scheduled" ? TextKeys.StatusTicketScheduled : TextKeys.StatusTicket;
            lines.Add(turn.Render(turn.Dialogs.Text(key), ticketValues));
        }

        await turn.SendAsync(string.Join(Environment.NewLine, lines), [], cancellationToken);
    }

    private static async Task SwitchLanguageAsync(Turn turn, string argument, CancellationToken cancellationToken)
    {
        var language = argument.Trim().ToLowerInvariant();
        if (!Languages.IsSupported(language))
        {
            await turn.SayAsync(TextKeys.LangUsage, cancellationToken);
            return;
        }

        turn.Language = language;
        turn.Profile.Language = language;
        await turn.SayAsync(TextKeys.LangSwitched, cancellationToken);
    }

    private async Task CancelAsync(Turn turn, CancellationToken cancellationToken)
    {
        var hasCase = turn.State.Values.ContainsKey("case_id") || await statusSource.GetStatusAsync(turn.Customer, cancellationToken) is not null;
        if (turn.State.Top is null && !hasCase)
        {
            await turn.SayAsync(TextKeys.NothingToCancel, cancellationToken);
            return;
        }

        if (_closeCase is not null && turn.State.Values.ContainsKey("case_id"))
        {
            var context = new DialogActionContext(
                turn.Context,
                turn.Customer,
                turn.Language,
                new Dictionary<string, string> { ["outcome"] = CaseStages.Cancelled },
                turn.State.Values);
            await _closeCase.ExecuteAsync(context, cancellationToken);
        }

        logger.LogInformation("{Customer} cancelled their dialog", turn.Customer);
        turn.State.Clear();
        await turn.SayAsync(TextKeys.Cancelled, cancellationToken);
    }

    private static string TextOrKey(Turn turn, string key, string fallback) =>
        turn.Dialogs.Texts.TryGetValue(key, out var text) ? turn.Render(text) : fallback;
}
