using BlockBot.Conversation.Abstractions;
using BlockBot.Desk.Lines;
using BlockBot.Storage.Sql.Domain;
using BlockBot.Support.Cases;
using Dapper;

namespace BlockBot.Storage.Desk;

/// <summary><see cref="ILineDirectory"/>: the cases and the clearing and VM-change tickets, read in two queries and grouped by customer and line key.</summary>
public sealed class SqlLineDirectory(IDbConnectionFactory connections) : ILineDirectory
{
    public async Task<IReadOnlyList<LineRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var cases = (await connection.QueryAsync<CaseRow>(new CommandDefinition(
            $"SELECT {CaseRow.Columns} FROM support_case ORDER BY id DESC", cancellationToken: cancellationToken))).Select(row => row.ToCase());
        var tickets = (await connection.QueryAsync<TicketRow>(new CommandDefinition(
            $"SELECT {TicketRow.Columns} FROM handoff_ticket WHERE line IS NOT NULL AND kind IN ('queue_clearing', 'vm_change') ORDER BY id DESC",
            cancellationToken: cancellationToken))).Select(row => row.ToTicket());

        var byCase = cases.ToLookup(c => (c.Customer, Key: LineKey.Of(c.Line)));
        var byTicket = tickets.ToLookup(t => (t.Customer, Key: LineKey.Of(t.Line!)));
        return byCase.Select(g => g.Key).Union(byTicket.Select(g => g.Key))
            .Select(key => new LineRecord(
                key.Customer,
                byCase[key].Select(c => c.Line).Concat(byTicket[key].Select(t => t.Line!)).First(),
                byCase[key].ToList(),
                byTicket[key].ToList()))
            .OrderByDescending(line => line.LastActivity)
            .ToList();
    }
}
