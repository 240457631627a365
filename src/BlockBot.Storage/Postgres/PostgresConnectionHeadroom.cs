using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BlockBot.Storage.Postgres;

/// <summary>
/// Warns at start when the server may refuse this instance's connections under a burst: the queries, the advisory
/// locks (<see cref="PostgresAdvisoryLock"/>) and Quartz each pool up to the connection string's Maximum Pool Size,
/// and past the server's <c>max_connections</c> turns fail with "too many clients" instead of waiting for a connection.
/// A warning, not a refusal: other instances' share and the real peak are not known here.
/// </summary>
internal sealed partial class PostgresConnectionHeadroom(PostgresConnectionFactory connections, ILogger<PostgresConnectionHeadroom> logger)
    : IHostedLifecycleService
{
    /// <summary>The pools that each take the connection string's Maximum Pool Size: queries, locks, Quartz.</summary>
    internal const int Pools = 3;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var poolSize = new NpgsqlConnectionStringBuilder(connections.ConnectionString).MaxPoolSize;
        var mostThisInstanceOpens = Pools * poolSize;
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            var (serverTakes, openNow) = await connection.QuerySingleAsync<(int, int)>(new CommandDefinition(
                """
                SELECT current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int,
                       (SELECT count(*)::int FROM pg_stat_activity WHERE backend_type = 'client backend')
                """,
                cancellationToken: cancellationToken));
            if (mostThisInstanceOpens > serverTakes)
            {
                LogTooFewConnections(logger, connections.Description, serverTakes, openNow, mostThisInstanceOpens, poolSize);
            }
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            LogCheckFailed(logger, connections.Description, exception.Message);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "PostgreSQL at {Server} takes {ServerTakes} client connections ({OpenNow} open now), and under a burst this instance alone may open " +
        "{MostThisInstanceOpens} (queries, locks and Quartz, up to Maximum Pool Size {PoolSize} each); past the server's limit turns fail. " +
        "Raise max_connections, or lower Maximum Pool Size in the connection string: see the README's PostgreSQL section")]
    private static partial void LogTooFewConnections(ILogger logger, string server, int serverTakes, int openNow, int mostThisInstanceOpens, int poolSize);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not compare PostgreSQL's connection limit at {Server} with this instance's pools: {Reason}")]
    private static partial void LogCheckFailed(ILogger logger, string server, string reason);
}
