using Dapper;
using Microsoft.Extensions.Logging;

namespace BlockBot.Storage.Sqlite;

/// <summary>
/// Brings the SQLite file's own tables up to date at start: the embedded scripts
/// <c>Schema/sqlite/NNN_name.sql</c> run once each, in order, recorded in <c>schema_version</c>.
/// Quartz's tables are provisioned by Quartz itself.
/// </summary>
public sealed class SqliteSchema(SqliteConnectionFactory connections, ILogger<SqliteSchema> logger) : ISchemaMigrator
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        connections.EnsureDirectory();
        await using var connection = await connections.OpenAsync(cancellationToken);

        // WAL is a property of the file: set once, it stays.
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode = WAL;", cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);",
            cancellationToken: cancellationToken));

        await SchemaScripts.ApplyPendingAsync(connection, "sqlite", DateTimeOffset.UtcNow.ToString("O"), logger, connections.DataSource, cancellationToken);
    }
}
