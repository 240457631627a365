namespace BlockBot.Tests.Infrastructure;

/// <summary>
/// Tests that measure the test process itself (its memory after a run) run alone, after the others: tests running
/// beside them would be measured too.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAloneCollection
{
    public const string Name = "Measured alone";
}
