using BlockBot.Desk.Dashboard;
using BlockBot.Storage.Sql.Domain;
using BlockBot.Support.Cases;
using Dapper;

namespace BlockBot.Storage.Desk;

/// <summary>
/// <see cref="IDashboardSource"/>: counted by the database with GROUP BY and COUNT; a percentile is the row at its rank
/// (ROW_NUMBER over the durations). Moments are fixed-width UTC text, so a range or a day boundary is a text comparison.
/// </summary>
public sealed class SqlDashboardSource(IDbConnectionFactory connections) : IDashboardSource
{
    private const string Active = "state IN ('scheduled', 'open', 'taken')";

    public async Task<BlockTally> CountBlocksAsync(IReadOnlyList<DayStart> days, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(new { Refused = CaseOutcomes.Refused });
        for (var i = 0; i < days.Count; i++)
        {
            parameters.Add($"Start{i}", SqlValues.TimeText(days[i].Start));
        }

        // Day i holds the blocks from its start to the next day's start; the last day is open-ended.
        var dayOf = "CASE " + string.Concat(Enumerable.Range(1, days.Count - 1).Select(i => $"WHEN created_at < @Start{i} THEN {i - 1} ")) + $"ELSE {days.Count - 1} END";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var counts = await connection.QueryAsync<(long Day, string Kind, long Count)>(new CommandDefinition(
            $"""
            SELECT day_index, kind, COUNT(*) FROM (
                SELECT {dayOf} AS day_index,
                       CASE WHEN outcome = @Refused THEN 'refused' WHEN repeated = 1 THEN 'repeated' ELSE 'first' END AS kind
                FROM support_case WHERE created_at >= @Start0
            ) AS blocks
            GROUP BY day_index, kind
            """,
            parameters,
            cancellationToken: cancellationToken));
        var totals = await connection.QuerySingleAsync<(long Blocks, long CrmAnswered, long AfterCrm)>(new CommandDefinition(
            """
            SELECT COUNT(*), COALESCE(SUM(CASE WHEN crm_marketing IS NOT NULL THEN 1 ELSE 0 END), 0),
                   COALESCE(SUM(CASE WHEN crm_marketing = 1 THEN 1 ELSE 0 END), 0)
            FROM support_case WHERE created_at >= @Start0
            """,
            parameters,
            cancellationToken: cancellationToken));

        var byDay = counts.ToLookup(c => (int)c.Day);
        return new BlockTally(
            days.Select((day, i) => new BlocksOnDay(
                day.Day,
                (int)byDay[i].Where(c => c.Kind == "first").Sum(c => c.Count),
                (int)byDay[i].Where(c => c.Kind == "repeated").Sum(c => c.Count),
                (int)byDay[i].Where(c => c.Kind == "refused").Sum(c => c.Count))).ToList(),
            (int)totals.Blocks,
            (int)totals.CrmAnswered,
            (int)totals.AfterCrm);
    }

    public Task<TimeSpread> TimeToDoneAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        SpreadAsync("closed_at", "state = 'done' AND closed_at >= @Since", since, cancellationToken);

    public Task<TimeSpread> TimeToTakenAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        SpreadAsync("taken_at", $"taken_at IS NOT NULL AND ({Active} OR (state IN ('done', 'declined') AND closed_at >= @Since))", since, cancellationToken);

    public async Task<IReadOnlyList<int>> CountOpenByAgeAsync(DateTimeOffset now, IReadOnlyList<TimeSpan> bounds, CancellationToken cancellationToken)
    {
        // Younger than a bound means it opened after now minus the bound.
        var parameters = new DynamicParameters();
        for (var i = 0; i < bounds.Count; i++)
        {
            parameters.Add($"Bound{i}", SqlValues.TimeText(now - bounds[i]));
        }

        var bucketOf = "CASE " + string.Concat(Enumerable.Range(0, bounds.Count).Select(i => $"WHEN opens_at > @Bound{i} THEN {i} ")) + $"ELSE {bounds.Count} END";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var counts = (await connection.QueryAsync<(long Bucket, long Count)>(new CommandDefinition(
            $"SELECT bucket, COUNT(*) FROM (SELECT {bucketOf} AS bucket FROM handoff_ticket WHERE state IN ('open', 'taken')) AS ages GROUP BY bucket",
            parameters,
            cancellationToken: cancellationToken))).ToDictionary(c => (int)c.Bucket, c => (int)c.Count);
        return Enumerable.Range(0, bounds.Count + 1).Select(i => counts.GetValueOrDefault(i)).ToList();
    }

    public async Task<int> CountDeliveredSinceAsync(IReadOnlyCollection<string> eventNames, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var names = eventNames.ToArray();
        var placeholders = string.Join(", ", names.Select((_, i) => $"@Event{i}"));
        var parameters = new DynamicParameters(new { Since = SqlValues.TimeText(since) });
        for (var i = 0; i < names.Length; i++)
        {
            parameters.Add($"Event{i}", names[i]);
        }

        return names.Length == 0 ? 0 : await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT COUNT(*) FROM delivered_event WHERE delivered_at >= @Since AND event IN ({placeholders})",
            parameters,
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Median and p90 of opens_at → <paramref name="end"/> over the tickets <paramref name="filter"/> selects, in one
    /// sorted pass: the rows at the nearest ranks ⌈n/2⌉ and ⌈9n/10⌉ (integer arithmetic, so both providers agree).
    /// </summary>
    private async Task<TimeSpread> SpreadAsync(string end, string filter, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var duration = connections.Provider == StorageProvider.Postgres
            ? $"CAST({end} AS timestamptz) - CAST(opens_at AS timestamptz)"
            : $"julianday({end}) - julianday(opens_at)";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<(string Opens, string Ends, long Rank, long Count)>(new CommandDefinition(
            $"""
            SELECT opens_at, ends_at, ticket_rank, ticket_count FROM (
                SELECT opens_at, {end} AS ends_at,
                       ROW_NUMBER() OVER (ORDER BY {duration}, id) AS ticket_rank, COUNT(*) OVER () AS ticket_count
                FROM handoff_ticket WHERE {filter}
            ) AS ranked
            WHERE ticket_rank = (ticket_count + 1) / 2 OR ticket_rank = (9 * ticket_count + 9) / 10
            """,
            new { Since = SqlValues.TimeText(since) },
            cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0)
        {
            return TimeSpread.None;
        }

        static TimeSpan Took((string Opens, string Ends, long Rank, long Count) row) => SqlValues.ParseTime(row.Ends) - SqlValues.ParseTime(row.Opens);
        return new TimeSpread(Took(rows.MinBy(row => row.Rank)), Took(rows.MaxBy(row => row.Rank)), (int)rows[0].Count);
    }
}
