using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Understanding;
using BlockBot.Support.Cases;
using BlockBot.Support.Events;
using BlockBot.Support.Reminders;
using BlockBot.Support.Tickets;
using BlockBot.Support.Transcripts;
using Microsoft.Extensions.Logging;

namespace BlockBot.Support.Customers;

/// <summary>
/// Forgets a customer: their active tickets are withdrawn first (so staff see on the card that the work
/// is off), then reminders and ticket openings are cancelled, and cases, tickets, events still queued for them, the
/// conversation reference, the messages of theirs the bot did not understand, their conversation's transcript and what
/// their channel keeps of it (<see cref="IChannelDataEraser"/>) are deleted (the lines of the erasing turn itself are never saved: see <c>TurnTranscript.Forget</c>).
/// </summary>
public sealed class CustomerDataEraser(
    ICaseRepository cases,
    ITicketRepository tickets,
    TicketWithdrawal withdrawal,
    ReminderScheduler reminders,
    IConversationDirectory directory,
    IUnansweredMessages unanswered,
    IQueuedEvents queuedEvents,
    ITranscriptEraser transcripts,
    IEnumerable<IChannelDataEraser> channelData,
    ILogger<CustomerDataEraser> logger) : IPersonalDataEraser
{
    public async Task EraseAsync(CustomerId customer, CancellationToken cancellationToken)
    {
        foreach (var ticket in await tickets.ListForCustomerAsync(customer, cancellationToken))
        {
            await withdrawal.WithdrawAsync(ticket, "the customer erased their data", cancellationToken);
        }

        foreach (var customerCase in await cases.ListForCustomerAsync(customer, cancellationToken))
        {
            await reminders.ForgetAllAsync(customerCase.Id, cancellationToken);
        }

        await tickets.DeleteForCustomerAsync(customer, cancellationToken);
        await cases.DeleteForCustomerAsync(customer, cancellationToken);
        await queuedEvents.RemoveForCustomerAsync(customer, cancellationToken);
        await directory.DeleteAsync(customer, cancellationToken);
        await unanswered.EraseAsync(customer, cancellationToken);
        await transcripts.EraseAsync(customer, cancellationToken);
        foreach (var channel in channelData)
        {
            await channel.EraseAsync(customer, cancellationToken);
        }

        logger.LogInformation("Erased the data of customer {Customer}", customer);
    }
}
