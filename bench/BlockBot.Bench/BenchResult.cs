namespace BlockBot.Bench;

/// <summary>Everything the report prints, gathered once the customers are done.</summary>
public sealed record BenchResult
{
    public required BenchOptions Options { get; init; }
    public required string Database { get; init; }
    public required long DatabaseBytes { get; init; }
    public required TimeSpan StartUp { get; init; }
    public required TimeSpan Wall { get; init; }
    public required IReadOnlyList<CustomerOutcome> Outcomes { get; init; }
    public required LatencySummary CustomerTurn { get; init; }
    public required IReadOnlyList<(string Step, LatencySummary Turns)> CustomerTurnByStep { get; init; }
    public required LatencySummary Procedure { get; init; }
    public required LatencySummary StaffRoundTrip { get; init; }
    public required LatencySummary StaffDoneToCustomer { get; init; }
    public required LatencySummary ReminderDelay { get; init; }
    public required LatencySummary EventDispatch { get; init; }
    public required LatencySummary EventFireDelay { get; init; }
    public required LatencySummary ReminderFireDelay { get; init; }
    public required long Misfires { get; init; }
    public required LatencySummary StaffTakeAndDone { get; init; }
    public required IReadOnlyList<(string Name, LatencySummary Summary)> Operations { get; init; }

    /// <summary>Customers' turns that found every turn slot of their instance taken: how long they waited for one.</summary>
    public required LatencySummary AdmissionWait { get; init; }
    public required IReadOnlyDictionary<string, long> EventsDelivered { get; init; }
    public required IReadOnlyDictionary<string, long> EventsFailed { get; init; }

    public required IReadOnlyDictionary<string, long> EventsDeliveredBefore { get; init; }
    public required long ProactiveTurns { get; init; }
    public required long StaffCards { get; init; }
    public required long StaffCompleted { get; init; }
    public required long StaffFailed { get; init; }
    public required long UnexpectedReplies { get; init; }
    public required long OutOfOrderReplies { get; init; }
    public required IReadOnlyCollection<string> UnexpectedSamples { get; init; }
    public required IReadOnlyDictionary<string, long> OutOfOrderKinds { get; init; }
    public required long Undeliverable { get; init; }
    public required long LogWarnings { get; init; }
    public required long LogErrors { get; init; }
    public required IReadOnlyCollection<string> LogSamples { get; init; }
    public required int QuartzThreads { get; init; }
    public required BenchMemory Memory { get; init; }

    public int Completed => Outcomes.Count(o => o.Completed);

    public int Failed => Outcomes.Count - Completed;
}
