using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Cases;
using BlockBot.Support.Tickets;
using Dapper;

namespace BlockBot.Storage.Sql.Domain;

public sealed class SqlTicketRepository(IDbConnectionFactory connections, SqlDomainWrites writes) : ITicketRepository
{
    private const string Select = $"SELECT {TicketRow.Columns} FROM handoff_ticket";

    /// <summary>Writes on their own, each in its own transaction (tests and tools with no turn store).</summary>
    public SqlTicketRepository(IDbConnectionFactory connections)
        : this(connections, new SqlDomainWrites(connections, []))
    {
    }

    public async Task<HandoffTicket> AddAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        var id = await writes.ScalarAsync<long>(
            """
            INSERT INTO handoff_ticket (kind, state, customer_key, case_id, line, line_key, crm_marketing, repeated, customer_language,
                                        created_at, opens_at, handled_by, decline_reason, taken_at, closed_at, staff_message_ref)
            VALUES (@Kind, @State, @CustomerKey, @CaseId, @Line, @LineKey, @CrmMarketing, @Repeated, @CustomerLanguage,
                    @CreatedAt, @OpensAt, @HandledBy, @DeclineReason, @TakenAt, @ClosedAt, @StaffMessageRef)
            RETURNING id
            """,
            new
            {
                Kind = ticket.Kind.ToText(),
                State = ticket.State.ToText(),
                CustomerKey = ticket.Customer.Key,
                ticket.CaseId,
                ticket.Line,
                LineKey = ticket.Line is null ? null : LineKey.Of(ticket.Line),
                CrmMarketing = SqlValues.Flag(ticket.CrmMarketing),
                Repeated = SqlValues.Flag(ticket.Repeated),
                ticket.CustomerLanguage,
                CreatedAt = SqlValues.TimeText(ticket.CreatedAt),
                OpensAt = SqlValues.TimeText(ticket.OpensAt),
                ticket.HandledBy,
                ticket.DeclineReason,
                TakenAt = SqlValues.TimeText(ticket.TakenAt),
                ClosedAt = SqlValues.TimeText(ticket.ClosedAt),
                ticket.StaffMessageRef,
            },
            cancellationToken);
        return ticket with { Id = id };
    }

    public async Task<HandoffTicket?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<TicketRow>(new CommandDefinition(
            $"{Select} WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));
        return row?.ToTicket();
    }

    public Task<IReadOnlyList<HandoffTicket>> ListActiveAsync(CancellationToken cancellationToken) =>
        ListAsync($"{Select} WHERE state IN ('scheduled', 'open', 'taken') ORDER BY id", new { }, cancellationToken);

    public async Task<IReadOnlyList<TicketTally>> TallyActiveAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<TicketTallyRow>(new CommandDefinition(
            $"""
            SELECT {TicketTallyRow.Columns}
            FROM handoff_ticket
            WHERE state IN ('scheduled', 'open', 'taken')
            GROUP BY state, kind
            """,
            cancellationToken: cancellationToken));
        return rows.Select(row => row.ToTally()).ToList();
    }

    public Task<IReadOnlyList<HandoffTicket>> ListForCustomerAsync(CustomerId customer, CancellationToken cancellationToken) =>
        ListAsync($"{Select} WHERE customer_key = @CustomerKey ORDER BY id DESC", new { CustomerKey = customer.Key }, cancellationToken);

    public Task<IReadOnlyList<HandoffTicket>> ListForLineAsync(CustomerId customer, string line, CancellationToken cancellationToken) =>
        ListAsync(
            $"{Select} WHERE customer_key = @CustomerKey AND line_key = @LineKey ORDER BY id DESC",
            new { CustomerKey = customer.Key, LineKey = LineKey.Of(line) },
            cancellationToken);

    public async Task<bool> TryChangeStateAsync(HandoffTicket changed, TicketState expected, CancellationToken cancellationToken)
    {
        var rows = await writes.ExecuteAsync(
            """
            UPDATE handoff_ticket
            SET state = @State, handled_by = @HandledBy, decline_reason = @DeclineReason, opens_at = @OpensAt,
                taken_at = @TakenAt, closed_at = @ClosedAt
            WHERE id = @Id AND state = @Expected
            """,
            new
            {
                changed.Id,
                State = changed.State.ToText(),
                changed.HandledBy,
                changed.DeclineReason,
                OpensAt = SqlValues.TimeText(changed.OpensAt),
                TakenAt = SqlValues.TimeText(changed.TakenAt),
                ClosedAt = SqlValues.TimeText(changed.ClosedAt),
                Expected = expected.ToText(),
            },
            cancellationToken);
        return rows == 1;
    }

    public async Task SetStaffMessageRefAsync(long id, string? staffMessageRef, CancellationToken cancellationToken)
    {
        await writes.ExecuteAsync(
            "UPDATE handoff_ticket SET staff_message_ref = @StaffMessageRef WHERE id = @Id",
            new { Id = id, StaffMessageRef = staffMessageRef },
            cancellationToken);
    }

    public async Task DeleteForCustomerAsync(CustomerId customer, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM handoff_ticket WHERE customer_key = @CustomerKey", new { CustomerKey = customer.Key }, cancellationToken: cancellationToken));
    }

    private async Task<IReadOnlyList<HandoffTicket>> ListAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<TicketRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return rows.Select(row => row.ToTicket()).ToList();
    }
}
