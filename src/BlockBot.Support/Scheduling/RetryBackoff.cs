namespace BlockBot.Support.Scheduling;

/// <summary>
/// How long a job waits before trying again: 5 s, 30 s, 2 min, then every 10 min, for about a day in all.
/// Long enough to ride out a channel's outage or a restart; bounded so a permanently broken delivery
/// ends in an error in the log instead of running forever.
/// </summary>
public static class RetryBackoff
{
    public const int MaxAttempts = 150;

    private static readonly TimeSpan[] FirstDelays = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)];
    private static readonly TimeSpan SteadyDelay = TimeSpan.FromMinutes(10);

    /// <summary>The wait before attempt number <paramref name="attempt"/> (the first attempt is 1), or null when there is none.</summary>
    public static TimeSpan? DelayBefore(int attempt) => attempt switch
    {
        < 2 => TimeSpan.Zero,
        _ when attempt > MaxAttempts => null,
        _ when attempt - 2 < FirstDelays.Length => FirstDelays[attempt - 2],
        _ => SteadyDelay,
    };
}
