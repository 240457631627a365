using Dapper;
using Npgsql;

namespace BlockBot.Storage.Postgres;

/// <summary>
/// One lock connection of <see cref="PostgresAdvisoryLock"/> and the advisory locks held on it. It is opened for a flow's
/// first lock; while that lock is held, the flow's next lock (only one at a time) is taken on it too: a PostgreSQL
/// session may hold any number of advisory locks. The connection goes back to the pool when its last lock is released.
/// </summary>
/// <remarks>
/// Its commands run one at a time. A lent lock that waits does so on the shared connection, which the holder's unlock
/// then waits for; the locks nest in one order (a Telegram chat's or a customer's events before the conversation's
/// turn, never the other way), so the waiter's lock is not one that waits for the holder.
/// </remarks>
internal sealed class LockSession : IDisposable
{
    private readonly SemaphoreSlim _oneCommand = new(1, 1);
    private readonly Task<NpgsqlConnection> _connection;
    private readonly Lock _state = new();
    private int _locksInUse = 1;
    private bool _holding;
    private bool _lent;

    private LockSession(Task<NpgsqlConnection> connection) => _connection = connection;

    /// <summary>A session for a flow's first lock, counted as in use by it.</summary>
    public static LockSession Open(NpgsqlDataSource lockConnections, CancellationToken cancellationToken) =>
        new(lockConnections.OpenConnectionAsync(cancellationToken).AsTask());

    /// <summary>Lets a nested lock be taken on this session: only while it holds a lock, and to one nested lock at a time.</summary>
    public bool TryLend()
    {
        lock (_state)
        {
            if (!_holding || _lent)
            {
                return false;
            }

            _lent = true;
            _locksInUse++;
            return true;
        }
    }

    /// <returns>Whether the lock was taken (always, when <paramref name="wait"/>).</returns>
    public async Task<bool> LockAsync(string scope, string key, bool wait, CancellationToken cancellationToken)
    {
        var connection = await _connection;
        await _oneCommand.WaitAsync(cancellationToken);
        try
        {
            var lockKey = new { Scope = scope, Key = key };
            var taken = true;
            if (wait)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "SELECT pg_advisory_lock(hashtext(@Scope), hashtext(@Key))", lockKey, cancellationToken: cancellationToken));
            }
            else
            {
                taken = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                    "SELECT pg_try_advisory_lock(hashtext(@Scope), hashtext(@Key))", lockKey, cancellationToken: cancellationToken));
            }

            if (taken)
            {
                lock (_state)
                {
                    _holding = true;
                }
            }

            return taken;
        }
        finally
        {
            _oneCommand.Release();
        }
    }

    public async Task UnlockAsync(string scope, string key, bool lent)
    {
        await _oneCommand.WaitAsync(CancellationToken.None);
        try
        {
            await (await _connection).ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_unlock(hashtext(@Scope), hashtext(@Key))",
                new { Scope = scope, Key = key },
                cancellationToken: CancellationToken.None));
        }
        finally
        {
            _oneCommand.Release();
            await LeaveAsync(lent);
        }
    }

    /// <summary>One lock of the session is done with (released, refused or failed); the last one closes the connection.</summary>
    /// <param name="lent">Whether it was the nested lock, whose place another nested lock may then take.</param>
    public async Task LeaveAsync(bool lent)
    {
        bool last;
        lock (_state)
        {
            _lent &= !lent;
            last = --_locksInUse == 0;
            _holding &= !last;
        }

        if (!last)
        {
            return;
        }

        if (_connection.IsCompletedSuccessfully)
        {
            await _connection.Result.DisposeAsync();
        }

        Dispose();
    }

    /// <summary>Called by the last <see cref="LeaveAsync"/>, when no command can come.</summary>
    public void Dispose() => _oneCommand.Dispose();
}
