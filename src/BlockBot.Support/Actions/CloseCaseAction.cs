using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Cases;
using BlockBot.Support.Reminders;
using BlockBot.Support.Tickets;
using Microsoft.Extensions.Logging;

namespace BlockBot.Support.Actions;

/// <summary>
/// Closes the case with an outcome (which becomes its stage), cancels its reminders and withdraws any
/// ticket of it that staff still have: a closed case leaves no work behind.
/// </summary>
public sealed class CloseCaseAction(
    ICaseRepository cases,
    ITicketRepository tickets,
    TicketWithdrawal withdrawal,
    ReminderScheduler reminders,
    TimeProvider time,
    ILogger<CloseCaseAction> logger) : IDialogAction
{
    public const string OutcomeArgument = "outcome";

    public string Name => "close_case";

    public IReadOnlySet<string> Arguments { get; } = new HashSet<string> { OutcomeArgument };

    public async Task ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        var outcome = context.RequireArgument(this, OutcomeArgument, CaseOutcomes.All);
        var caseId = context.CaseId();
        await reminders.CancelAllAsync(caseId, cancellationToken);
        foreach (var ticket in (await tickets.ListForCustomerAsync(context.Customer, cancellationToken)).Where(t => t.CaseId == caseId))
        {
            await withdrawal.WithdrawAsync(ticket, $"case {caseId} closed as {outcome}", cancellationToken);
        }

        if (!await cases.CloseAsync(caseId, outcome, time.GetUtcNow(), cancellationToken))
        {
            logger.LogInformation("Case {CaseId} was already closed or is gone; close_case with {Outcome} changed nothing", caseId, outcome);
        }
    }
}
