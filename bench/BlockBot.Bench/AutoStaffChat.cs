using System.Threading.Channels;
using BlockBot.Support.Staff;
using BlockBot.Support.Tickets;

namespace BlockBot.Bench;

/// <summary>
/// The staff chat of the bench: a posted card is queued for <see cref="AutoStaff"/>, which works it
/// later on its own threads, never inside the customer's turn that posted it.
/// </summary>
public sealed class AutoStaffChat : IStaffChat
{
    private readonly Channel<HandoffTicket> _posted = Channel.CreateUnbounded<HandoffTicket>(
        new UnboundedChannelOptions { AllowSynchronousContinuations = false });

    private long _cards;
    private long _updates;
    private long _relayed;

    public ChannelReader<HandoffTicket> Posted => _posted.Reader;

    public long Cards => Interlocked.Read(ref _cards);

    public long Updates => Interlocked.Read(ref _updates);

    public long Relayed => Interlocked.Read(ref _relayed);

    public Task<string?> PostTicketAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _cards);
        _posted.Writer.TryWrite(ticket);
        return Task.FromResult<string?>($"bench-card-{ticket.Id}");
    }

    public Task UpdateTicketAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _updates);
        return Task.CompletedTask;
    }

    public Task RelayFromCustomerAsync(HandoffTicket ticket, string text, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _relayed);
        return Task.CompletedTask;
    }
}
