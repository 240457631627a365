namespace BlockBot.Desk.Dashboard;

/// <summary>What the leads' dashboard counts for a period, counted by the database; implemented by BlockBot.Storage.</summary>
public interface IDashboardSource
{
    /// <summary>Blocks reported from the first day's start on, per day (the last day open-ended): first, repeated, refused by WhatsApp.</summary>
    Task<BlockTally> CountBlocksAsync(IReadOnlyList<DayStart> days, CancellationToken cancellationToken);

    /// <summary>Hand-off to done of the tickets done at or after <paramref name="since"/>.</summary>
    Task<TimeSpread> TimeToDoneAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Hand-off to taken of the taken tickets closed at or after <paramref name="since"/> or still active.</summary>
    Task<TimeSpread> TimeToTakenAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Open and taken tickets by age at <paramref name="now"/>: under each of <paramref name="bounds"/> (ascending) and at or over the last.</summary>
    Task<IReadOnlyList<int>> CountOpenByAgeAsync(DateTimeOffset now, IReadOnlyList<TimeSpan> bounds, CancellationToken cancellationToken);

    /// <summary>How many of the named events reached their conversation at or after <paramref name="since"/>.</summary>
    Task<int> CountDeliveredSinceAsync(IReadOnlyCollection<string> eventNames, DateTimeOffset since, CancellationToken cancellationToken);
}
