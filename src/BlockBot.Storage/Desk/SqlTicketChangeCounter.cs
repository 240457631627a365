using BlockBot.Desk.Live;
using Dapper;

namespace BlockBot.Storage.Desk;

/// <summary>
/// <see cref="ITicketChangeCounter"/>: the sum of the rows the ticket triggers bump, one row on SQLite
/// (<c>Schema/sqlite/011_staff_desk.sql</c>), sixteen on PostgreSQL, where each session bumps its own
/// (<c>Schema/postgres/018_ticket_change_shards.sql</c>).
/// </summary>
public sealed class SqlTicketChangeCounter(IDbConnectionFactory connections) : ITicketChangeCounter
{
    public async Task<long> ReadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT CAST(SUM(version) AS BIGINT) FROM ticket_change", cancellationToken: cancellationToken));
    }
}
