using BlockBot.Conversation.Abstractions;
using System.Data.Common;
using BlockBot.Storage;
using Dapper;

namespace BlockBot.Channels.Bitrix24;

/// <summary>The channel's rows in the shared database (Schema/sqlite|postgres/004_bitrix24.sql).</summary>
public sealed class Bitrix24Store(IDbConnectionFactory connections, TimeProvider time)
{
    public const string BotIdName = "bot_id";
    public const string OffsetName = "fetch_offset";
    public const string RefreshTokenName = "oauth_refresh_token";

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

    /// <summary>The mark that the event is handled, saved with the turn that handles it (ADR 0007).</summary>
    public ITurnCommitWork ProcessedWithTurn(string eventKey) => new ProcessedMark(this, eventKey);

    private Task MarkProcessedAsync(DbConnection connection, DbTransaction? transaction, string eventKey, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO bitrix24_processed (event_key, processed_at) VALUES (@eventKey, @now) ON CONFLICT (event_key) DO NOTHING;
            DELETE FROM bitrix24_processed WHERE processed_at < @oldest;
            """,
            new { eventKey, now = Now(), oldest = Format(time.GetUtcNow() - KeepProcessed) },
            transaction,
            cancellationToken: cancellationToken));

    private sealed class ProcessedMark(Bitrix24Store store, string eventKey) : ITurnCommitWork
    {
        public Task SaveAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
            store.MarkProcessedAsync(connection, transaction, eventKey, cancellationToken);

        public void Committed()
        {
        }
    }

    private string Now() => Format(time.GetUtcNow());

    private static string Format(DateTimeOffset moment) =>
        moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
