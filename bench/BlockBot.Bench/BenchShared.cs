namespace BlockBot.Bench;

/// <summary>What every bot instance of one run shares: the customers' inboxes and the figures they are measured by.</summary>
/// <remarks>Made before the instances' hosts, so its listener hears their meters as they are created.</remarks>
public sealed class BenchShared : IDisposable
{
    public BenchInboxes Inboxes { get; } = new();

    public BenchMeasurements Measurements { get; } = new();

    public OperationTimings Timings { get; } = new();

    public FireDelayListener FireDelays { get; } = new();

    /// <summary>How long customers' turns waited for a turn slot of their instance (ADR 0026).</summary>
    public AdmissionWaitListener AdmissionWaits { get; } = new();

    public void Dispose() => AdmissionWaits.Dispose();
}
