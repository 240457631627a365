using BlockBot.Conversation.Abstractions;

namespace BlockBot.Support.Tickets;

public interface ITicketRepository
{
    /// <summary>Stores a new ticket (its <see cref="HandoffTicket.Id"/> is ignored) and returns it with its id.</summary>
    Task<HandoffTicket> AddAsync(HandoffTicket ticket, CancellationToken cancellationToken);

    Task<HandoffTicket?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>Scheduled, open and taken tickets of every customer, oldest first.</summary>
    Task<IReadOnlyList<HandoffTicket>> ListActiveAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Scheduled, open and taken tickets counted by state and kind, in one aggregate query: cheap enough to run
    /// every few seconds. Pairs of state and kind without tickets are left out.
    /// </summary>
    Task<IReadOnlyList<TicketTally>> TallyActiveAsync(CancellationToken cancellationToken);

    /// <summary>Every ticket of the customer, newest first.</summary>
    Task<IReadOnlyList<HandoffTicket>> ListForCustomerAsync(CustomerId customer, CancellationToken cancellationToken);

    /// <summary>Every ticket of the customer for the line (compared as <see cref="Cases.LineKey"/>), newest first.</summary>
    Task<IReadOnlyList<HandoffTicket>> ListForLineAsync(CustomerId customer, string line, CancellationToken cancellationToken);

    /// <summary>
    /// Compare-and-set: writes <paramref name="changed"/>'s state, handler, decline reason, opening and
    /// closing times only if the stored ticket is still in <paramref name="expected"/> state, in one
    /// statement, so two staff members (or two processes) can never both move the same ticket.
    /// </summary>
    /// <returns>True when this call made the change.</returns>
    Task<bool> TryChangeStateAsync(HandoffTicket changed, TicketState expected, CancellationToken cancellationToken);

    Task SetStaffMessageRefAsync(long id, string? staffMessageRef, CancellationToken cancellationToken);

    Task DeleteForCustomerAsync(CustomerId customer, CancellationToken cancellationToken);
}
