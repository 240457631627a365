using BlockBot.Conversation.Abstractions;
using BlockBot.Storage.Sql.Domain;
using Dapper;

namespace BlockBot.Storage.Sql.Handover;

/// <summary>The one-time codes of "continue on another channel", in <c>handover_code</c>; expired ones are deleted as new ones are issued.</summary>
public sealed class SqlHandoverCodes(IDbConnectionFactory connections, TimeProvider time) : IHandoverCodes
{
    public async Task IssueAsync(HandoverCode code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM handover_code WHERE expires_at < @Now;
            INSERT INTO handover_code (code, customer_key, state_key, language, expires_at)
            VALUES (@Code, @CustomerKey, @StateKey, @Language, @ExpiresAt);
            """,
            new
            {
                code.Code,
                CustomerKey = code.Customer.Key,
                code.StateKey,
                code.Language,
                ExpiresAt = SqlValues.TimeText(code.ExpiresAt),
                Now = SqlValues.TimeText(time.GetUtcNow()),
            },
            cancellationToken: cancellationToken));
    }

    public async Task<HandoverCode?> FindAsync(string code, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Code, string CustomerKey, string StateKey, string Language, string ExpiresAt)?>(new CommandDefinition(
            "SELECT code, customer_key, state_key, language, expires_at FROM handover_code WHERE code = @Code AND expires_at > @Now",
            new { Code = code, Now = SqlValues.TimeText(now) },
            cancellationToken: cancellationToken));
        return row is { } r && CustomerId.TryParse(r.CustomerKey, out var customer)
            ? new HandoverCode(r.Code, customer, r.StateKey, r.Language, SqlValues.ParseTime(r.ExpiresAt))
            : null;
    }
}
