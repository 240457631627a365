using BlockBot.Storage;
using BlockBot.Storage.Postgres;
using BlockBot.Tests.Infrastructure;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BlockBot.Tests.Storage;

/// <summary>The start-up warning when the PostgreSQL server could refuse this instance's pools under a burst.</summary>
public sealed class PostgresConnectionHeadroomTests
{
    [PostgresFact]
    public async Task Pools_the_server_cannot_take_are_warned_about_at_start_and_pools_it_can_are_not()
    {
        await using var database = await TempDatabase.CreateMigratedAsync();
        var serverTakes = await ServerTakesAsync(database.ConnectionString);

        var tooMany = await WarningsAsync(database.ConnectionString, poolSize: serverTakes);
        var fitting = await WarningsAsync(database.ConnectionString, poolSize: serverTakes / PostgresConnectionHeadroom.Pools);

        var warning = Assert.Single(tooMany);
        Assert.Contains($"takes {serverTakes} client connections", warning, StringComparison.Ordinal);
        Assert.Contains($"may open {PostgresConnectionHeadroom.Pools * serverTakes}", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", warning, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(fitting);
    }

    private static async Task<IReadOnlyList<string>> WarningsAsync(string connectionString, int poolSize)
    {
        var withPool = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = poolSize }.ConnectionString;
        await using var connections = new PostgresConnectionFactory(Options.Create(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = withPool }));
        using var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Information));
        await new PostgresConnectionHeadroom(connections, factory.CreateLogger<PostgresConnectionHeadroom>()).StartingAsync(CancellationToken.None);
        return logs.Entries.Where(entry => entry.StartsWith("Warning", StringComparison.Ordinal)).ToList();
    }

    private static async Task<int> ServerTakesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return await connection.ExecuteScalarAsync<int>(
            "SELECT current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int");
    }
}
