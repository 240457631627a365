using BlockBot.Conversation.Turns;
using BlockBot.Storage.Sql;
using BlockBot.Storage.Turns;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace BlockBot.Storage.Sqlite;

/// <summary>
/// Saves turns to the SQLite file with leader-based group commit (ADR 0010). A turn that arrives while no commit runs
/// is the leader: on its own thread it commits itself and every turn queued behind it (at most
/// <see cref="MostPerCommit"/>) in one transaction, each turn in a savepoint of its own, with one COMMIT and so one
/// fsync. Turns that arrive while a commit runs wait in the queue; when the commit ends, the first of them leads the
/// next group. A turn alone commits on its caller's thread with no hand-off and no savepoint.
/// </summary>
/// <remarks>
/// A turn whose writes fail (a stale ETag, a failing record writer) is rolled back to its savepoint and gets its own
/// exception; the others of its group are saved. When the transaction itself fails, no turn of the group is saved and
/// each gets that error. Every caller learns its outcome only after the COMMIT, so committed callbacks follow it.
/// Only the leader touches the one writer connection, so turns never meet SQLite's busy handler among themselves;
/// other writers (Quartz, the channels' stores) still wait on the busy timeout.
/// </remarks>
public sealed class SqliteGroupCommitTurnStore : ITurnStore, IAsyncDisposable, IDisposable
{
    /// <summary>Enough to spread one fsync over a burst, few enough that no turn waits long behind the others.</summary>
    internal const int MostPerCommit = 64;

    private const string Savepoint = "turn";

    private readonly SqliteConnectionFactory _connections;
    private readonly TurnPreparer _preparer;
    private readonly ILogger<SqliteGroupCommitTurnStore> _logger;
    private readonly Queue<QueuedTurn> _queue = new();
    private readonly Lock _gate = new();
    private bool _leading;
    private bool _disposed;

    /// <summary>The writer connection, opened by the first leader; only the leader of the moment uses it.</summary>
    private SqliteConnection? _connection;

    public SqliteGroupCommitTurnStore(SqliteConnectionFactory connections, SqlStorage storage, IEnumerable<ITurnRecordWriter> writers, ILogger<SqliteGroupCommitTurnStore> logger)
    {
        _connections = connections;
        _preparer = new TurnPreparer(storage, writers);
        _logger = logger;
    }

    /// <param name="work">The turn's unit of work.</param>
    /// <param name="cancellationToken">Stops a save that has not been queued; a queued one is carried to its end.</param>
    public async Task SaveAsync(TurnUnitOfWork work, CancellationToken cancellationToken)
    {
        if (_preparer.Prepare(work) is not { } prepared)
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var turn = new QueuedTurn(prepared);
        bool leads;
        lock (_gate)
        {
            _queue.Enqueue(turn);
            leads = !_leading;
            _leading = true;
        }

        if (!leads && !await turn.LeadsAsync())
        {
            return;
        }

        await LeadAsync(turn);
    }

    public void Dispose() => CloseIdleConnection()?.Dispose();

    public async ValueTask DisposeAsync()
    {
        if (CloseIdleConnection() is { } connection)
        {
            await connection.DisposeAsync();
        }
    }

    /// <summary>
    /// Commits the group at the head of the queue, which <paramref name="own"/> heads: the first leader found the queue
    /// empty, and a later one was the head when leadership passed to it, and only leaders take from the queue.
    /// </summary>
    private async Task LeadAsync(QueuedTurn own)
    {
        List<QueuedTurn> group;
        lock (_gate)
        {
            group = new List<QueuedTurn>(Math.Min(_queue.Count, MostPerCommit));
            while (group.Count < MostPerCommit && _queue.TryDequeue(out var queued))
            {
                group.Add(queued);
            }
        }

        try
        {
            await CommitAsync(group);
        }
        finally
        {
            await HandOverAsync();
            foreach (var turn in group)
            {
                if (turn != own)
                {
                    turn.Complete();
                }
            }
        }

        own.ThrowIfFailed();
    }

    /// <summary>Saves the group in one transaction and records each turn's outcome in it; never throws.</summary>
    private async Task CommitAsync(List<QueuedTurn> group)
    {
        try
        {
            _connection ??= await _connections.OpenAsync(CancellationToken.None);
            // Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE: the write lock is taken up front.
            await using var transaction = await _connection.BeginTransactionAsync(CancellationToken.None);
            if (group.Count == 1)
            {
                // Alone, the turn is the transaction: its failure needs no savepoint to undo.
                await group[0].Prepared.WriteAsync(_connection, transaction, CancellationToken.None);
            }
            else
            {
                foreach (var turn in group)
                {
                    turn.Failure = await WriteInSavepointAsync(_connection, transaction, turn.Prepared);
                }
            }

            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception failure)
        {
            if (group.Count > 1)
            {
                _logger.LogWarning(failure, "A group commit of {TurnCount} turns failed; none of them is saved", group.Count);
            }

            foreach (var turn in group)
            {
                turn.Failure ??= failure;
            }

            // Back to the pool, which hands out a sound connection next time.
            if (_connection is { } connection)
            {
                _connection = null;
                await connection.DisposeAsync();
            }
        }
    }

    /// <returns>What the turn's writes threw, after they were undone; null when they are in the transaction.</returns>
    private static async Task<Exception?> WriteInSavepointAsync(SqliteConnection connection, System.Data.Common.DbTransaction transaction, PreparedTurn turn)
    {
        await transaction.SaveAsync(Savepoint, CancellationToken.None);
        try
        {
            await turn.WriteAsync(connection, transaction, CancellationToken.None);
        }
        catch (Exception failure)
        {
            // A failure SQLite answers by ending the transaction makes these throw too, and so fails the whole group.
            await transaction.RollbackAsync(Savepoint, CancellationToken.None);
            await transaction.ReleaseAsync(Savepoint, CancellationToken.None);
            return failure;
        }

        await transaction.ReleaseAsync(Savepoint, CancellationToken.None);
        return null;
    }

    /// <summary>Passes leadership to the first queued turn, or ends it when none waits.</summary>
    private async Task HandOverAsync()
    {
        QueuedTurn? next = null;
        SqliteConnection? closing = null;
        lock (_gate)
        {
            if (!_queue.TryPeek(out next))
            {
                _leading = false;
                if (_disposed)
                {
                    (closing, _connection) = (_connection, null);
                }
            }
        }

        next?.Lead();
        if (closing is not null)
        {
            await closing.DisposeAsync();
        }
    }

    /// <returns>The writer connection to dispose now, or null when there is none or a leader still uses it (it closes it when done).</returns>
    private SqliteConnection? CloseIdleConnection()
    {
        lock (_gate)
        {
            _disposed = true;
            if (_leading)
            {
                return null;
            }

            (var connection, _connection) = (_connection, null);
            return connection;
        }
    }
}
