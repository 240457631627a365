using BlockBot.Desk.Paging;
using BlockBot.Desk.Queue;
using BlockBot.Storage.Sql.Domain;
using BlockBot.Support.Tickets;
using Dapper;

namespace BlockBot.Storage.Desk;

/// <summary><see cref="IQueueSource"/>: one page with LIMIT/OFFSET and a count of the same filter.</summary>
public sealed class SqlQueueSource(IDbConnectionFactory connections) : IQueueSource
{
    public async Task<PageOf<HandoffTicket>> ListActiveAsync(TicketState? state, TicketKind? kind, int offset, int count, CancellationToken cancellationToken)
    {
        var filter = "state IN ('scheduled', 'open', 'taken')"
            + (state is null ? "" : " AND state = @State")
            + (kind is null ? "" : " AND kind = @Kind");
        var parameters = new { State = state?.ToText(), Kind = kind?.ToText(), Offset = offset, Count = count };
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<TicketRow>(new CommandDefinition(
            $"SELECT {TicketRow.Columns} FROM handoff_ticket WHERE {filter} ORDER BY opens_at, id LIMIT @Count OFFSET @Offset",
            parameters,
            cancellationToken: cancellationToken));
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT COUNT(*) FROM handoff_ticket WHERE {filter}", parameters, cancellationToken: cancellationToken));
        return new PageOf<HandoffTicket>(rows.Select(row => row.ToTicket()).ToList(), total);
    }
}
