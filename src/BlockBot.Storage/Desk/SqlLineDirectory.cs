using BlockBot.Conversation.Abstractions;
using BlockBot.Desk.Lines;
using BlockBot.Desk.Paging;
using BlockBot.Storage.Sql.Domain;
using BlockBot.Support.Cases;
using Dapper;

namespace BlockBot.Storage.Desk;

/// <summary>
/// <see cref="ILineDirectory"/>: the page's lines and their counts in one grouped query over the cases and the clearing and
/// VM-change tickets (by customer and <c>line_key</c>), then the history of just those lines.
/// </summary>
public sealed class SqlLineDirectory(IDbConnectionFactory connections) : ILineDirectory
{
    private const string ClearingTickets = "line_key IS NOT NULL AND kind IN ('queue_clearing', 'vm_change')";

    public async Task<PageOf<LineRecord>> ListAsync(string? search, int offset, int count, CancellationToken cancellationToken)
    {
        var matches = string.IsNullOrWhiteSpace(search) ? "" : @" AND line_key LIKE @Pattern ESCAPE '\'";
        var parameters = new DynamicParameters(new { Offset = offset, Count = count });
        if (matches.Length > 0)
        {
            parameters.Add("Pattern", "%" + EscapeLike(LineKey.Of(search!)) + "%");
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        var tallies = (await connection.QueryAsync<LineTallyRow>(new CommandDefinition(
            $"""
            SELECT customer_key AS CustomerKey, line_key AS LineKey, SUM(is_block) AS Blocks, SUM(is_repeated) AS Repeated,
                   SUM(is_clearing) AS Clearings, SUM(is_vm_change) AS VmChanges
            FROM (
                SELECT customer_key, line_key, 1 AS is_block, CASE WHEN repeated = 1 THEN 1 ELSE 0 END AS is_repeated,
                       0 AS is_clearing, 0 AS is_vm_change, created_at AS active_at
                FROM support_case WHERE 1 = 1{matches}
                UNION ALL
                SELECT customer_key, line_key, 0, 0,
                       CASE WHEN kind = 'queue_clearing' AND state = 'done' THEN 1 ELSE 0 END,
                       CASE WHEN kind = 'vm_change' AND state = 'done' THEN 1 ELSE 0 END,
                       COALESCE(closed_at, opens_at)
                FROM handoff_ticket WHERE {ClearingTickets}{matches}
            ) AS activity
            GROUP BY customer_key, line_key
            ORDER BY MAX(active_at) DESC, customer_key, line_key
            LIMIT @Count OFFSET @Offset
            """,
            parameters,
            cancellationToken: cancellationToken))).ToList();
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"""
            SELECT COUNT(*) FROM (
                SELECT customer_key, line_key FROM support_case WHERE 1 = 1{matches}
                UNION
                SELECT customer_key, line_key FROM handoff_ticket WHERE {ClearingTickets}{matches}
            ) AS line_keys
            """,
            parameters,
            cancellationToken: cancellationToken));
        if (tallies.Count == 0)
        {
            return new PageOf<LineRecord>([], total);
        }

        var (theseLines, keys) = OneOf(tallies);
        var cases = (await connection.QueryAsync<CaseRow>(new CommandDefinition(
            $"SELECT {CaseRow.Columns} FROM support_case WHERE {theseLines} ORDER BY id DESC",
            keys,
            cancellationToken: cancellationToken))).Select(row => row.ToCase()).ToLookup(c => (c.Customer.Key, LineKey.Of(c.Line)));
        var tickets = (await connection.QueryAsync<TicketRow>(new CommandDefinition(
            $"SELECT {TicketRow.Columns} FROM handoff_ticket WHERE {ClearingTickets} AND ({theseLines}) ORDER BY id DESC",
            keys,
            cancellationToken: cancellationToken))).Select(row => row.ToTicket()).ToLookup(t => (t.Customer.Key, LineKey.Of(t.Line!)));
        return new PageOf<LineRecord>(
            tallies.Select(tally =>
            {
                var key = (tally.CustomerKey, tally.LineKey);
                return new LineRecord(
                    CustomerId.Parse(tally.CustomerKey),
                    cases[key].Select(c => c.Line).Concat(tickets[key].Select(t => t.Line!)).FirstOrDefault(tally.LineKey),
                    (int)tally.Blocks,
                    (int)tally.Repeated,
                    (int)tally.Clearings,
                    (int)tally.VmChanges,
                    cases[key].ToList(),
                    tickets[key].ToList());
            }).ToList(),
            total);
    }

    /// <summary>A condition that holds for the rows of the given lines, with its parameters.</summary>
    private static (string Condition, DynamicParameters Parameters) OneOf(IReadOnlyList<LineTallyRow> lines)
    {
        var parameters = new DynamicParameters();
        var conditions = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            conditions.Add($"(customer_key = @Customer{i} AND line_key = @Line{i})");
            parameters.Add($"Customer{i}", lines[i].CustomerKey);
            parameters.Add($"Line{i}", lines[i].LineKey);
        }

        return (string.Join(" OR ", conditions), parameters);
    }

    private static string EscapeLike(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}
