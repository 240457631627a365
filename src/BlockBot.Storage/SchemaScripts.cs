using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.Logging;

namespace BlockBot.Storage;

/// <summary>
/// The numbered scripts embedded as <c>Schema/&lt;provider&gt;/NNN_name.sql</c> and how they are applied: each
/// once, in order, in its own transaction, recorded in <c>schema_version</c>. Released scripts are never
/// edited; a schema change is the next number.
/// </summary>
internal static class SchemaScripts
{
    /// <param name="appliedAt">The moment recorded in <c>applied_at</c>, in the form the provider's column takes.</param>
    public static async Task ApplyPendingAsync(
        DbConnection connection,
        string provider,
        object appliedAt,
        ILogger logger,
        string target,
        CancellationToken cancellationToken)
    {
        var applied = (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT version FROM schema_version", cancellationToken: cancellationToken))).ToHashSet();

        foreach (var script in Embedded(provider).Where(s => !applied.Contains(s.Version)))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(script.Sql, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
                new { script.Version, script.Name, AppliedAt = appliedAt },
                transaction,
                cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Applied schema script {Version} {Name} to {Database}", script.Version, script.Name, target);
        }
    }

    private static IEnumerable<(long Version, string Name, string Sql)> Embedded(string provider)
    {
        var prefix = $"BlockBot.Storage.Schema.{provider}.";
        var assembly = typeof(SchemaScripts).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames()
                     .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            var fileName = resource[prefix.Length..];
            var version = long.Parse(fileName[..fileName.IndexOf('_', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            yield return (version, Path.GetFileNameWithoutExtension(fileName), reader.ReadToEnd());
        }
    }
}
