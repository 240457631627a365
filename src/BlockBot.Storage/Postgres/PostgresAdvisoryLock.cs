using System.Data.Common;
using BlockBot.Conversation.Abstractions;
using Dapper;
using Npgsql;

namespace BlockBot.Storage.Postgres;

/// <summary>
/// <see cref="ICrossInstanceLock"/> as a session-level PostgreSQL advisory lock on a connection of its own, held
/// until disposed. The two-int form keys it: the scope's hash and the key's hash (a collision only serialises two
/// keys that need not be). If the instance dies, its session ends and the server releases the lock.
/// </summary>
/// <remarks>
/// The lock connections come from a pool of their own: a lock holder goes on to open query connections, so sharing
/// one pool would let enough holders take every connection and then wait for one of their own forever.
/// </remarks>
public sealed class PostgresAdvisoryLock(PostgresConnectionFactory connections) : ICrossInstanceLock, IAsyncDisposable
{
    /// <summary>
    /// How long a lock may wait for a free lock connection. Npgsql's 15 s default failed customer turns in a burst of 500
    /// at once (bench, one instance), with every lock connection held by a turn or a delivery still working; waiting
    /// longer is safe, since only a delivery (at most 64 at once, fewer than the pool's 100) holds one lock while it
    /// waits for another.
    /// </summary>
    internal const int WaitSeconds = 120;

    private readonly NpgsqlDataSource _lockConnections = NpgsqlDataSource.Create(
        new NpgsqlConnectionStringBuilder(connections.ConnectionString) { ApplicationName = "BlockBot locks", Timeout = WaitSeconds }.ConnectionString);

    public ValueTask DisposeAsync() => _lockConnections.DisposeAsync();

    public async Task<IAsyncDisposable> AcquireAsync(string scope, string key, CancellationToken cancellationToken) =>
        (await LockAsync(scope, key, wait: true, cancellationToken))!;

    public Task<IAsyncDisposable?> TryAcquireAsync(string scope, string key, CancellationToken cancellationToken) =>
        LockAsync(scope, key, wait: false, cancellationToken);

    private async Task<IAsyncDisposable?> LockAsync(string scope, string key, bool wait, CancellationToken cancellationToken)
    {
        var connection = await _lockConnections.OpenConnectionAsync(cancellationToken);
        try
        {
            var lockKey = new { Scope = scope, Key = key };
            if (wait)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "SELECT pg_advisory_lock(hashtext(@Scope), hashtext(@Key))", lockKey, cancellationToken: cancellationToken));
                return new Held(connection, scope, key);
            }

            if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                    "SELECT pg_try_advisory_lock(hashtext(@Scope), hashtext(@Key))", lockKey, cancellationToken: cancellationToken)))
            {
                return new Held(connection, scope, key);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    private sealed class Held(DbConnection connection, string scope, string key) : IAsyncDisposable
    {
        private int _disposed;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            try
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "SELECT pg_advisory_unlock(hashtext(@Scope), hashtext(@Key))",
                    new { Scope = scope, Key = key },
                    cancellationToken: CancellationToken.None));
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
