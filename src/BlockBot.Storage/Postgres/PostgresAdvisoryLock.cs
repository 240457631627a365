using BlockBot.Conversation.Abstractions;
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
/// A lock taken while the same flow already holds one (a conversation's turn inside an event's delivery or a Telegram
/// chat's handling) is taken on the holder's session (<see cref="LockSession"/>, ADR 0027): otherwise as many holders
/// as the lock pool has connections could each wait for a second connection none of them gives back.
/// </remarks>
public sealed class PostgresAdvisoryLock(PostgresConnectionFactory connections) : ICrossInstanceLock, IAsyncDisposable
{
    /// <summary>
    /// How long a lock may wait for a free lock connection. Npgsql's 15 s default failed customer turns in a burst of 500
    /// at once (bench, one instance), with every lock connection held by a turn or a delivery still working.
    /// </summary>
    internal const int WaitSeconds = 120;

    private readonly NpgsqlDataSource _lockConnections = NpgsqlDataSource.Create(
        new NpgsqlConnectionStringBuilder(connections.ConnectionString) { ApplicationName = "BlockBot locks", Timeout = WaitSeconds }.ConnectionString);

    private readonly AsyncLocal<LockSession?> _flowsSession = new();

    public ValueTask DisposeAsync() => _lockConnections.DisposeAsync();

    public Task<IAsyncDisposable> AcquireAsync(string scope, string key, CancellationToken cancellationToken) =>
        Taken(LockAsync(scope, key, wait: true, cancellationToken));

    public Task<IAsyncDisposable?> TryAcquireAsync(string scope, string key, CancellationToken cancellationToken) =>
        LockAsync(scope, key, wait: false, cancellationToken);

    // Not async, nor are the methods calling it: the flow's session is set in the caller's execution context, so what
    // the caller awaits next sees it.
    private Task<IAsyncDisposable?> LockAsync(string scope, string key, bool wait, CancellationToken cancellationToken)
    {
        if (_flowsSession.Value is { } held && held.TryLend())
        {
            return LockOnAsync(held, lent: true, scope, key, wait, cancellationToken);
        }

        var own = LockSession.Open(_lockConnections, cancellationToken);
        _flowsSession.Value = own;
        return LockOnAsync(own, lent: false, scope, key, wait, cancellationToken);
    }

    private static async Task<IAsyncDisposable> Taken(Task<IAsyncDisposable?> waited) => (await waited)!;

    private static async Task<IAsyncDisposable?> LockOnAsync(LockSession session, bool lent, string scope, string key, bool wait, CancellationToken cancellationToken)
    {
        bool taken;
        try
        {
            taken = await session.LockAsync(scope, key, wait, cancellationToken);
        }
        catch
        {
            await session.LeaveAsync(lent);
            throw;
        }

        if (!taken)
        {
            await session.LeaveAsync(lent);
            return null;
        }

        return new Held(session, lent, scope, key);
    }

    private sealed class Held(LockSession session, bool lent, string scope, string key) : IAsyncDisposable
    {
        private int _disposed;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                await session.UnlockAsync(scope, key, lent);
            }
        }
    }
}
