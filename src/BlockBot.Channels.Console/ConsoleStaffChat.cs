using BlockBot.Conversation;
using BlockBot.Support.Staff;
using BlockBot.Support.Tickets;

namespace BlockBot.Channels.Console;

/// <summary>The staff chat printed into the same terminal: cards, state changes and customers' messages.</summary>
public sealed class ConsoleStaffChat(ConsoleTranscript transcript, TicketCardText cards) : IStaffChat
{
    public Task<string?> PostTicketAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        transcript.Staff(cards.Describe(ticket) + "\n" + $"Act: /staff take {ticket.Id} · /staff done {ticket.Id} · /staff decline {ticket.Id} <reason> · /staff reply {ticket.Id} <text>");
        return Task.FromResult<string?>($"console-{ticket.Id}");
    }

    public Task UpdateTicketAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        transcript.Staff(cards.StateLine(ticket));
        return Task.CompletedTask;
    }

    public Task RelayFromCustomerAsync(HandoffTicket ticket, string text, CancellationToken cancellationToken)
    {
        // Escaped whole, so a newline in the customer's text cannot start a [staff] line of its own.
        transcript.Staff($"Ticket #{ticket.Id} · the customer writes: {VisibleText.Escape(text)}");
        return Task.CompletedTask;
    }
}
