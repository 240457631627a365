using System.Data.Common;
using BlockBot.Channels.Bitrix24;
using Dapper;

namespace BlockBot.Storage.Channels.Bitrix24;

/// <summary><see cref="IBitrix24Store"/> over the channel's rows in the shared database (Schema/sqlite|postgres/004_bitrix24.sql).</summary>
public sealed class SqlBitrix24Store(IDbConnectionFactory connections, TimeProvider time) : IBitrix24Store
{
    /// <summary>How long an event's mark is kept: far longer than the portal redelivers an event.</summary>
    private static readonly TimeSpan KeepProcessed = TimeSpan.FromDays(7);

    public async Task<string?> GetAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT value FROM bitrix24_state WHERE name = @name", new { name }, cancellationToken: cancellationToken));
    }

    public async Task SetAsync(string name, string value, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO bitrix24_state (name, value, updated_at) VALUES (@name, @value, @now)
            ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            """,
            new { name, value, now = Now() },
            cancellationToken: cancellationToken));
    }

    public async Task<bool> WasProcessedAsync(string eventKey, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM bitrix24_processed WHERE event_key = @eventKey", new { eventKey }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task MarkProcessedAsync(string eventKey, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await MarkProcessedAsync(connection, null, eventKey, cancellationToken);
    }

    /// <summary>Marks the event handled in the caller's transaction (the turn's, for <see cref="Bitrix24EventProcessedWriter"/>).</summary>
    internal Task MarkProcessedAsync(DbConnection connection, DbTransaction? transaction, string eventKey, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO bitrix24_processed (event_key, processed_at) VALUES (@eventKey, @now) ON CONFLICT (event_key) DO NOTHING;
            DELETE FROM bitrix24_processed WHERE processed_at < @oldest;
            """,
            new { eventKey, now = Now(), oldest = Format(time.GetUtcNow() - KeepProcessed) },
            transaction,
            cancellationToken: cancellationToken));

    private string Now() => Format(time.GetUtcNow());

    private static string Format(DateTimeOffset moment) =>
        moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
