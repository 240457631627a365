namespace BlockBot.Bench;

/// <summary>What every bot instance of one run shares: the customers' inboxes and the figures they are measured by.</summary>
public sealed class BenchShared
{
    public BenchInboxes Inboxes { get; } = new();

    public BenchMeasurements Measurements { get; } = new();

    public OperationTimings Timings { get; } = new();

    public FireDelayListener FireDelays { get; } = new();

    /// <summary>How long customers' turns waited for a turn slot of their instance (PostgreSQL; ADR 0026).</summary>
    public LatencyRecorder AdmissionWaits { get; set; } = new();
}
