using BlockBot.Desk.Paging;
using BlockBot.Support.Tickets;

namespace BlockBot.Desk.Queue;

/// <summary>The active tickets a page at a time, for the queue page; implemented by BlockBot.Storage.</summary>
public interface IQueueSource
{
    /// <summary>
    /// Scheduled, open and taken tickets (only <paramref name="state"/> and <paramref name="kind"/> when given), the one
    /// waiting longest first (by when it opened; scheduled ones, which open later, last), skipping
    /// <paramref name="offset"/> and taking <paramref name="count"/>, with how many match in all.
    /// </summary>
    Task<PageOf<HandoffTicket>> ListActiveAsync(TicketState? state, TicketKind? kind, int offset, int count, CancellationToken cancellationToken);
}
