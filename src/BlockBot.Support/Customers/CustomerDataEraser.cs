using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Cases;
using BlockBot.Support.Reminders;
using BlockBot.Support.Staff;
using BlockBot.Support.Tickets;
using Microsoft.Extensions.Logging;

namespace BlockBot.Support.Customers;

/// <summary>
/// Forgets a customer: their active tickets are withdrawn first (so staff see on the card that the work
/// is off), then reminders and ticket openings are cancelled, and cases, tickets and the conversation
/// reference are deleted.
/// </summary>
public sealed class CustomerDataEraser(
    ICaseRepository cases,
    ITicketRepository tickets,
    ReminderScheduler reminders,
    TicketOpenings openings,
    IStaffChat staffChat,
    IConversationDirectory directory,
    TimeProvider time,
    ILogger<CustomerDataEraser> logger) : ICustomerDataEraser
{
    private const int Attempts = 3;

    public async Task EraseAsync(CustomerId customer, CancellationToken cancellationToken)
    {
        foreach (var ticket in await tickets.ListForCustomerAsync(customer.Key, cancellationToken))
        {
            await openings.CancelAsync(ticket.Id, cancellationToken);
            if (ticket.State.IsActive())
            {
                await WithdrawAsync(ticket.Id, cancellationToken);
            }
        }

        foreach (var customerCase in await cases.ListForCustomerAsync(customer.Key, cancellationToken))
        {
            await reminders.CancelAllAsync(customerCase.Id, cancellationToken);
        }

        await tickets.DeleteForCustomerAsync(customer.Key, cancellationToken);
        await cases.DeleteForCustomerAsync(customer.Key, cancellationToken);
        await directory.DeleteAsync(customer, cancellationToken);
        logger.LogInformation("Erased the data of customer {Customer}", customer);
    }

    private async Task WithdrawAsync(long ticketId, CancellationToken cancellationToken)
    {
        // Staff may move the ticket at the same moment; withdraw from whatever active state it is in then.
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var ticket = await tickets.GetAsync(ticketId, cancellationToken);
            if (ticket is null || !ticket.State.IsActive())
            {
                return;
            }

            var withdrawn = ticket with { State = TicketState.Withdrawn, ClosedAt = time.GetUtcNow() };
            if (!await tickets.TryChangeStateAsync(withdrawn, ticket.State, cancellationToken))
            {
                continue;
            }

            logger.LogInformation("Ticket {TicketId} withdrawn: the customer erased their data", ticketId);
            if (ticket.State != TicketState.Scheduled)
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
            // Erasing must not fail because the staff chat is down; a staff action on the card then finds no ticket.
            logger.LogWarning(exception, "Updating the staff card of withdrawn ticket {TicketId} failed", ticket.Id);
        }
    }
}
