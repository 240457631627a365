using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Tickets;

namespace BlockBot.Tests.Support;

/// <summary>
/// Holds the first <c>readers</c> reads of a ticket until all of them have read it, so that concurrent
/// callers all see the same state before any of them writes: the worst case a compare-and-set must survive.
/// </summary>
internal sealed class ReadTogetherTicketRepository(ITicketRepository inner, int readers) : ITicketRepository
{
    private readonly TaskCompletionSource _allRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _reads;

    public async Task<HandoffTicket?> GetAsync(long id, CancellationToken cancellationToken)
    {
        var ticket = await inner.GetAsync(id, cancellationToken);
        var read = Interlocked.Increment(ref _reads);
        if (read == readers)
        {
            _allRead.SetResult();
        }

        if (read <= readers)
        {
            await _allRead.Task.WaitAsync(TestTimeouts.Generous, cancellationToken);
        }

        return ticket;
    }

    public Task<HandoffTicket> AddAsync(HandoffTicket ticket, CancellationToken cancellationToken) => inner.AddAsync(ticket, cancellationToken);

    public Task<IReadOnlyList<HandoffTicket>> ListActiveAsync(CancellationToken cancellationToken) => inner.ListActiveAsync(cancellationToken);

    public Task<IReadOnlyList<TicketTally>> TallyActiveAsync(CancellationToken cancellationToken) => inner.TallyActiveAsync(cancellationToken);

    public Task<IReadOnlyList<HandoffTicket>> ListForCustomerAsync(CustomerId customer, CancellationToken cancellationToken) =>
        inner.ListForCustomerAsync(customer, cancellationToken);

    public Task<IReadOnlyList<HandoffTicket>> ListForLineAsync(CustomerId customer, string line, CancellationToken cancellationToken) =>
        inner.ListForLineAsync(customer, line, cancellationToken);

    public Task<bool> TryChangeStateAsync(HandoffTicket changed, TicketState expected, CancellationToken cancellationToken) =>
        inner.TryChangeStateAsync(changed, expected, cancellationToken);

    public Task SetStaffMessageRefAsync(long id, string? staffMessageRef, CancellationToken cancellationToken) =>
        inner.SetStaffMessageRefAsync(id, staffMessageRef, cancellationToken);

    public Task DeleteForCustomerAsync(CustomerId customer, CancellationToken cancellationToken) =>
        inner.DeleteForCustomerAsync(customer, cancellationToken);
}
