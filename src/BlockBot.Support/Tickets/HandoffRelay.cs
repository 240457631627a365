using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Staff;

namespace BlockBot.Support.Tickets;

/// <summary>Carries a customer's messages to the person handling their open ticket (taken, or open).</summary>
public sealed class HandoffRelay(ITicketRepository tickets, IStaffChat staffChat) : IMessageRelay
{
    public async Task<bool> TryRelayAsync(CustomerId customer, string text, CancellationToken cancellationToken)
    {
        var ticket = (await tickets.ListForCustomerAsync(customer, cancellationToken)).FirstOrDefault(t => t.State.IsWorkable());
        if (ticket is null)
        {
            return false;
        }

        await staffChat.RelayFromCustomerAsync(ticket, text, cancellationToken);
        return true;
    }
}
