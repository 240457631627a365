using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Cases;
using BlockBot.Support.Reminders;
using BlockBot.Support.Tickets;

namespace BlockBot.Support.Customers;

public sealed class CustomerStatusSource(
    ICaseRepository cases,
    ITicketRepository tickets,
    ReminderScheduler reminders) : ICustomerStatusSource
{
    public async Task<CustomerStatus?> GetStatusAsync(CustomerId customer, CancellationToken cancellationToken)
    {
        var openCase = await cases.FindOpenAsync(customer, cancellationToken);
        if (openCase is null)
        {
            return null;
        }

        var reminder = await reminders.NextAsync(openCase.Id, cancellationToken);
        var ticket = (await tickets.ListForCustomerAsync(customer, cancellationToken)).FirstOrDefault(t => t.State.IsActive());
        return new CustomerStatus
        {
            Line = openCase.Line,
            Stage = openCase.Stage,
            NextReminderKind = reminder?.Event,
            NextReminderAt = reminder?.Due,
            TicketId = ticket?.Id,
            TicketState = ticket?.State.ToText(),
            TicketHandledBy = ticket?.HandledBy,
            TicketOpensAt = ticket?.OpensAt,
        };
    }
}
