using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Cases;
using Dapper;

namespace BlockBot.Storage.Sql.Domain;

public sealed class SqlCaseRepository(IDbConnectionFactory connections, SqlDomainWrites writes) : ICaseRepository
{
    private const string Select = $"SELECT {CaseRow.Columns} FROM support_case";

    /// <summary>Writes on their own, each in its own transaction (tests and tools with no turn store).</summary>
    public SqlCaseRepository(IDbConnectionFactory connections)
        : this(connections, new SqlDomainWrites(connections, []))
    {
    }

    public async Task<BlockCase> CreateAsync(BlockCase newCase, CancellationToken cancellationToken)
    {
        var now = SqlValues.TimeText(newCase.CreatedAt);
        long id = 0;
        await writes.RunAsync(async (connection, transaction, token) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE support_case SET outcome = @Cancelled, stage = @Cancelled, closed_at = @Now, updated_at = @Now
                WHERE customer_key = @CustomerKey AND closed_at IS NULL
                """,
                new { Cancelled = CaseOutcomes.Cancelled, Now = now, CustomerKey = newCase.Customer.Key },
                transaction,
                cancellationToken: token));
            id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                INSERT INTO support_case (customer_key, line, line_key, crm_marketing, repeated, stage, outcome, created_at, updated_at, closed_at)
                VALUES (@CustomerKey, @Line, @LineKey, @CrmMarketing, @Repeated, @Stage, NULL, @CreatedAt, @UpdatedAt, NULL)
                RETURNING id
                """,
                new
                {
                    CustomerKey = newCase.Customer.Key,
                    newCase.Line,
                    LineKey = LineKey.Of(newCase.Line),
                    CrmMarketing = SqlValues.Flag(newCase.CrmMarketing),
                    Repeated = SqlValues.Flag(newCase.Repeated),
                    newCase.Stage,
                    CreatedAt = now,
                    UpdatedAt = SqlValues.TimeText(newCase.UpdatedAt),
                },
                transaction,
                cancellationToken: token));
        }, cancellationToken);
        return newCase with { Id = id, Outcome = null, ClosedAt = null };
    }

    public async Task<BlockCase?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CaseRow>(new CommandDefinition(
            $"{Select} WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));
        return row?.ToCase();
    }

    public async Task<BlockCase?> FindOpenAsync(CustomerId customer, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<CaseRow>(new CommandDefinition(
            $"{Select} WHERE customer_key = @CustomerKey AND closed_at IS NULL ORDER BY id DESC LIMIT 1",
            new { CustomerKey = customer.Key },
            cancellationToken: cancellationToken));
        return row?.ToCase();
    }

    public Task<IReadOnlyList<BlockCase>> ListForLineAsync(CustomerId customer, string line, CancellationToken cancellationToken) =>
        ListAsync(
            $"{Select} WHERE customer_key = @CustomerKey AND line_key = @LineKey ORDER BY id DESC",
            new { CustomerKey = customer.Key, LineKey = LineKey.Of(line) },
            cancellationToken);

    public Task<IReadOnlyList<BlockCase>> ListForCustomerAsync(CustomerId customer, CancellationToken cancellationToken) =>
        ListAsync($"{Select} WHERE customer_key = @CustomerKey ORDER BY id DESC", new { CustomerKey = customer.Key }, cancellationToken);

    public async Task<bool> UpdateStageAsync(long id, string stage, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var changed = await writes.ExecuteAsync(
            "UPDATE support_case SET stage = @Stage, updated_at = @Now WHERE id = @Id",
            new { Id = id, Stage = stage, Now = SqlValues.TimeText(now) },
            cancellationToken);
        return changed == 1;
    }

    public async Task<bool> CloseAsync(long id, string outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var changed = await writes.ExecuteAsync(
            """
            UPDATE support_case SET outcome = @Outcome, stage = @Outcome, closed_at = @Now, updated_at = @Now
            WHERE id = @Id AND closed_at IS NULL
            """,
            new { Id = id, Outcome = outcome, Now = SqlValues.TimeText(now) },
            cancellationToken);
        return changed == 1;
    }

    public async Task DeleteForCustomerAsync(CustomerId customer, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM support_case WHERE customer_key = @CustomerKey", new { CustomerKey = customer.Key }, cancellationToken: cancellationToken));
    }

    private async Task<IReadOnlyList<BlockCase>> ListAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CaseRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return rows.Select(row => row.ToCase()).ToList();
    }
}
