using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Staff;

namespace BlockBot.Support.Tickets;

public sealed class HandoffRelay(ITicketRepository tickets, IStaffChat staffChat) : IHandoffRelay
{
    public async Task<bool> TryRelayAsync(CustomerId customer, string text, CancellationToken cancellationToken)
    {
        var ticket = (await tickets.ListForCustomerAsync(customer.Key, cancellationToken)).FirstOrDefault(t => t.State.IsWorkable());
        if (ticket is null)
        {
            return false;
        }

        await staffChat.RelayFromCustomerAsync(ticket, text, cancellationToken);
        return true;
    }
}
