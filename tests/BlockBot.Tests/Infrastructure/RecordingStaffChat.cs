using System.Collections.Concurrent;
using BlockBot.Support.Staff;
using BlockBot.Support.Tickets;

namespace BlockBot.Tests.Infrastructure;

/// <summary>A staff chat that keeps what it was shown, for tests to read.</summary>
public sealed class RecordingStaffChat : IStaffChat
{
    public ConcurrentQueue<HandoffTicket> Posted { get; } = new();

    public ConcurrentQueue<HandoffTicket> Updated { get; } = new();

    public ConcurrentQueue<(long TicketId, string Text)> Relayed { get; } = new();

    public Task<string?> PostTicketAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        Posted.Enqueue(ticket);
        return Task.FromResult<string?>($"card-{ticket.Id}");
    }

    public Task UpdateTicketAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        Updated.Enqueue(ticket);
        return Task.CompletedTask;
    }

    public Task RelayFromCustomerAsync(HandoffTicket ticket, string text, CancellationToken cancellationToken)
    {
        Relayed.Enqueue((ticket.Id, text));
        return Task.CompletedTask;
    }
}
