using BlockBot.Support.Cases;
using BlockBot.Support.Tickets;

namespace BlockBot.Desk.Dashboard;

/// <summary>What the leads' dashboard counts, read for a period; implemented by BlockBot.Storage.</summary>
public interface IDashboardSource
{
    /// <summary>Blocks reported at or after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<BlockCase>> BlocksSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Tickets done or declined at or after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<HandoffTicket>> ClosedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>How many of the named events reached their conversation at or after <paramref name="since"/>.</summary>
    Task<int> CountDeliveredSinceAsync(IReadOnlyCollection<string> eventNames, DateTimeOffset since, CancellationToken cancellationToken);
}
