using System.Globalization;
using System.Reflection;
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
    private const string ResourcePrefix = "BlockBot.Storage.Schema.postgres.";

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
                    "INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, now())",
                    new { script.Version, script.Name },
                    transaction,
                    cancellationToken: cancellationToken));
                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied schema script {Version} {Name} to {Database}", script.Version, script.Name, connections.Description);
            }
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_unlock(@Key)", new { Key = MigrationLockKey }, cancellationToken: CancellationToken.None));
        }
    }

    private static IEnumerable<(long Version, string Name, string Sql)> EmbeddedScripts()
    {
        var assembly = typeof(PostgresSchema).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames()
                     .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            var fileName = resource[ResourcePrefix.Length..];
            var version = long.Parse(fileName[..fileName.IndexOf('_', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            yield return (version, Path.GetFileNameWithoutExtension(fileName), reader.ReadToEnd());
        }
    }
}
