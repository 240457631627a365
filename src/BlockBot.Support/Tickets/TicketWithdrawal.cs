using BlockBot.Support.Staff;
using Microsoft.Extensions.Logging;

namespace BlockBot.Support.Tickets;

/// <summary>
/// Takes tickets back from staff when the customer stops (cancels the case or erases their data): a
/// scheduled opening is cancelled, an active ticket becomes withdrawn and its card says so.
/// </summary>
public sealed class TicketWithdrawal(
    ITicketRepository tickets,
    TicketOpenings openings,
    IStaffChat staffChat,
    TimeProvider time,
    ILogger<TicketWithdrawal> logger)
{
    private const int Attempts = 3;

    public async Task WithdrawAsync(HandoffTicket ticket, string why, CancellationToken cancellationToken)
    {
        await openings.CancelAsync(ticket.Id, cancellationToken);

        // Staff may move the ticket at the same moment; withdraw from whatever active state it is in then.
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var current = await tickets.GetAsync(ticket.Id, cancellationToken);
            if (current is null || !current.State.IsActive())
            {
                return;
            }

            var withdrawn = current with { State = TicketState.Withdrawn, ClosedAt = time.GetUtcNow() };
            if (!await tickets.TryChangeStateAsync(withdrawn, current.State, cancellationToken))
            {
                continue;
            }

            logger.LogInformation("Ticket {TicketId} withdrawn: {Why}", ticket.Id, why);
            if (current.State != TicketState.Scheduled)
            {
                await UpdateCardAsync(withdrawn, cancellationToken);
            }

            return;
        }
    }

    private async Task UpdateCardAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        try
        {
            await staffChat.UpdateTicketAsync(ticket, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Withdrawing must not fail because the staff chat is down; a staff action on the card then finds the ticket withdrawn.
            logger.LogWarning(exception, "Updating the staff card of withdrawn ticket {TicketId} failed", ticket.Id);
        }
    }
}
