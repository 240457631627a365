using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Dialogs.Model;
using Microsoft.Extensions.Logging;

namespace BlockBot.Conversation.Engine;

/// <summary>
/// The commands that work at every step without leaving it: /help, /status, /lang, /cancel. What the customer has
/// under way beyond the dialog, /status and /cancel learn from the domain (<see cref="IStatusReport"/>, <see cref="ICancelHook"/>).
/// </summary>
internal sealed class BuiltInCommands(
    DialogRunner runner,
    IEnumerable<IStatusReport> statusReports,
    IEnumerable<ICancelHook> cancelHooks,
    ILogger<BuiltInCommands> logger)
{
    private static readonly IReadOnlyDictionary<string, string> NoArguments = new Dictionary<string, string>();

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
        var texts = new TurnTexts(turn);
        var lines = new List<string>();
        foreach (var report in statusReports)
        {
            lines.AddRange(await report.ComposeAsync(turn.Customer, texts, cancellationToken));
        }

        if (lines.Count == 0)
        {
            await turn.SayAsync(TextKeys.StatusNone, cancellationToken);
            return;
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
        if (turn.State.Top is null && !await HasOpenAsync(turn, cancellationToken))
        {
            await turn.SayAsync(TextKeys.NothingToCancel, cancellationToken);
            return;
        }

        foreach (var hook in cancelHooks)
        {
            await hook.CancelAsync(new DialogActionContext(turn.Context, turn.Customer, turn.Language, NoArguments, turn.State.Values), cancellationToken);
        }

        logger.LogInformation("{Customer} cancelled their dialog", turn.Customer);
        turn.State.Clear();
        await turn.SayAsync(TextKeys.Cancelled, cancellationToken);
    }

    private async Task<bool> HasOpenAsync(Turn turn, CancellationToken cancellationToken)
    {
        foreach (var hook in cancelHooks)
        {
            if (await hook.HasOpenAsync(turn.Customer, turn.State.Values, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }
}
