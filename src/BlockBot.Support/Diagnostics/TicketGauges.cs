using System.Diagnostics.Metrics;
using BlockBot.Support.Tickets;
using Microsoft.Extensions.Logging;

namespace BlockBot.Support.Diagnostics;

/// <summary>
/// Gauges of the tickets staff have to work on, on the BlockBot meter: how many are open or taken, how many are
/// scheduled, and how long the oldest open or taken one has waited since it opened.
/// </summary>
/// <remarks>
/// A listener reads gauges synchronously on its own thread (the exporter's), so they never query the database: they
/// report the last <see cref="TicketSnapshot"/> that <see cref="RefreshAsync"/> took, and nothing before the first.
/// The counts are the database's, not this instance's: instances sharing a PostgreSQL database all report the same
/// numbers, so aggregate them across instances with max, not sum.
/// </remarks>
public sealed class TicketGauges : IDisposable
{
    public const string OpenName = "blockbot.tickets.open";
    public const string ScheduledName = "blockbot.tickets.scheduled";
    public const string OldestAgeName = "blockbot.ticket.oldest_age";

    private static readonly TicketState[] WorkableStates = [TicketState.Open, TicketState.Taken];
    private static readonly TicketKind[] Kinds = Enum.GetValues<TicketKind>();

    private readonly ITicketRepository _tickets;
    private readonly TimeProvider _time;
    private readonly ILogger<TicketGauges> _logger;

    // One count at a time, so a count that started earlier can never replace the result of one that started later.
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile TicketSnapshot? _snapshot;

    public TicketGauges(ITicketRepository tickets, SupportMetrics metrics, TimeProvider time, ILogger<TicketGauges> logger)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _tickets = tickets;
        _time = time;
        _logger = logger;
        metrics.Meter.CreateObservableGauge(
            OpenName, ObserveWorkable, "{ticket}", "Tickets waiting for staff (open) or being worked on (taken), by state and kind; database-wide");
        metrics.Meter.CreateObservableGauge(
            ScheduledName, ObserveScheduled, "{ticket}", "Tickets scheduled to open later (clearing policy), by kind; database-wide");
        metrics.Meter.CreateObservableGauge(
            OldestAgeName, ObserveOldestAge, "s", "How long the oldest open or taken ticket has been open, 0 when none; database-wide");
    }

    /// <summary>Counts the active tickets anew. A failure is logged and the gauges keep the previous counts.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            var tallies = await _tickets.TallyActiveAsync(cancellationToken);
            _snapshot = new TicketSnapshot(tallies, _time.GetUtcNow());
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (_snapshot is { } last)
            {
                _logger.LogWarning(exception, "Counting tickets for the ticket gauges failed; they keep the counts taken at {SnapshotTakenAt}", last.TakenAt);
            }
            else
            {
                _logger.LogWarning(exception, "Counting tickets for the ticket gauges failed; they report nothing until a count succeeds");
            }
        }
        finally
        {
            _refreshing.Release();
        }
    }

    public void Dispose() => _refreshing.Dispose();

    // Every pair is reported, zeros included, so a count that drops to nothing reads 0 rather than going silent.
    private IEnumerable<Measurement<long>> ObserveWorkable()
    {
        if (_snapshot is not { } snapshot)
        {
            yield break;
        }

        foreach (var state in WorkableStates)
        {
            foreach (var kind in Kinds)
            {
                yield return new Measurement<long>(snapshot.Count(state, kind), new("state", state.ToText()), new("kind", kind.ToText()));
            }
        }
    }

    private IEnumerable<Measurement<long>> ObserveScheduled()
    {
        if (_snapshot is not { } snapshot)
        {
            yield break;
        }

        foreach (var kind in Kinds)
        {
            yield return new Measurement<long>(snapshot.Count(TicketState.Scheduled, kind), new KeyValuePair<string, object?>("kind", kind.ToText()));
        }
    }

    private IEnumerable<Measurement<double>> ObserveOldestAge()
    {
        if (_snapshot is not { } snapshot)
        {
            yield break;
        }

        var age = snapshot.EarliestWorkableOpensAt is { } opened ? (_time.GetUtcNow() - opened).TotalSeconds : 0;
        yield return new Measurement<double>(Math.Max(0, age));
    }
}
