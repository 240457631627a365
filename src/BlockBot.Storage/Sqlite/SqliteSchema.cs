using System.Reflection;
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
    private const string ResourcePrefix = "BlockBot.Storage.Schema.sqlite.";

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        connections.EnsureDirectory();
        await using var connection = await connections.OpenAsync(cancellationToken);

        // WAL is a property of the file: set once, it stays.
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode = WAL;", cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);",
            cancellationToken: cancellationToken));

        var applied = (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT version FROM schema_version", cancellationToken: cancellationToken))).ToHashSet();

        foreach (var script in EmbeddedScripts())
        {
            if (applied.Contains(script.Version))
            {
                continue;
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(script.Sql, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
                new { script.Version, script.Name, AppliedAt = DateTimeOffset.UtcNow.ToString("O") },
                transaction,
                cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Applied schema script {Version} {Name} to {DataSource}", script.Version, script.Name, connections.DataSource);
        }
    }

    private static IEnumerable<(long Version, string Name, string Sql)> EmbeddedScripts()
    {
        var assembly = typeof(SqliteSchema).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames()
                     .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            var fileName = resource[ResourcePrefix.Length..];
            var version = long.Parse(fileName[..fileName.IndexOf('_', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            yield return (version, Path.GetFileNameWithoutExtension(fileName), reader.ReadToEnd());
        }
    }
}
