namespace BlockBot.Bench;

/// <param name="Failure">Why the conversation did not reach the goodbye; null when it did.</param>
public sealed record CustomerOutcome(string UserId, TimeSpan Elapsed, string? Failure)
{
    public bool Completed => Failure is null;
}
