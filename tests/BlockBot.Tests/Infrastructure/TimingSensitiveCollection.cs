namespace BlockBot.Tests.Infrastructure;

/// <summary>
/// Tests that measure a time window (how many sends are in flight when a process is killed) run alone,
/// after the others: on a shared 2-core machine the parallel tests would widen the window they measure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingSensitiveCollection
{
    public const string Name = "Timing-sensitive";
}
