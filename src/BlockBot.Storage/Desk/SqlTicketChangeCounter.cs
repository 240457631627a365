using BlockBot.Desk.Live;
using Dapper;

namespace BlockBot.Storage.Desk;

/// <summary><see cref="ITicketChangeCounter"/>: the row the triggers of <c>Schema/*/011_staff_desk.sql</c> bump.</summary>
public sealed class SqlTicketChangeCounter(IDbConnectionFactory connections) : ITicketChangeCounter
{
    public async Task<long> ReadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT version FROM ticket_change WHERE id = 1", cancellationToken: cancellationToken));
    }
}
