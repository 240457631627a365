using BlockBot.Desk.Dashboard;
using BlockBot.Storage.Sql.Domain;
using BlockBot.Support.Cases;
using BlockBot.Support.Tickets;
using Dapper;

namespace BlockBot.Storage.Desk;

/// <summary><see cref="IDashboardSource"/>: moments are fixed-width UTC text, so a range is a text comparison.</summary>
public sealed class SqlDashboardSource(IDbConnectionFactory connections) : IDashboardSource
{
    public async Task<IReadOnlyList<BlockCase>> BlocksSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CaseRow>(new CommandDefinition(
            $"SELECT {CaseRow.Columns} FROM support_case WHERE created_at >= @Since ORDER BY id",
            new { Since = SqlValues.TimeText(since) },
            cancellationToken: cancellationToken));
        return rows.Select(row => row.ToCase()).ToList();
    }

    public async Task<IReadOnlyList<HandoffTicket>> ClosedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<TicketRow>(new CommandDefinition(
            $"SELECT {TicketRow.Columns} FROM handoff_ticket WHERE state IN ('done', 'declined') AND closed_at >= @Since ORDER BY id",
            new { Since = SqlValues.TimeText(since) },
            cancellationToken: cancellationToken));
        return rows.Select(row => row.ToTicket()).ToList();
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
}
