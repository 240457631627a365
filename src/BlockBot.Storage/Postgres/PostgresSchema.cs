using Dapper;
using Microsoft.Extensions.Logging;

namespace BlockBot.Storage.Postgres;

/// <summary>
/// Brings the PostgreSQL database's own tables up to date at start: the embedded scripts
/// <c>Schema/postgres/NNN_name.sql</c> run once each, in order, each in its own transaction, recorded in
/// <c>schema_version</c>. Instances starting together take turns on an advisory lock, so each script runs once.
/// Quartz's tables are provisioned by Quartz itself.
/// </summary>
public sealed class PostgresSchema(PostgresConnectionFactory connections, ILogger<PostgresSchema> logger) : ISchemaMigrator
{
    /// <summary>The advisory lock key under which migrations run ("BBschema" in ASCII).</summary>
    private const long MigrationLockKey = 0x4242_7363_6865_6D61;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_lock(@Key)", new { Key = MigrationLockKey }, cancellationToken: cancellationToken));
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "CREATE TABLE IF NOT EXISTS schema_version (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)",
                cancellationToken: cancellationToken));
            await SchemaScripts.ApplyPendingAsync(connection, "postgres", DateTimeOffset.UtcNow, logger, connections.Description, cancellationToken);
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_unlock(@Key)", new { Key = MigrationLockKey }, cancellationToken: CancellationToken.None));
        }
    }
}
