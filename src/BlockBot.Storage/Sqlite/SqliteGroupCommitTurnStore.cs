using System.Data.Common;
using BlockBot.Conversation.Turns;
using BlockBot.Storage.Sql;
using BlockBot.Storage.Turns;
using Microsoft.Extensions.Logging;

namespace BlockBot.Storage.Sqlite;

/// <summary>
/// Saves turns to the SQLite file with leader-based group commit (ADR 0010). A turn that arrives while no commit runs
/// is the leader: on its own thread it commits itself and every turn queued behind it (at most
/// <see cref="MostPerCommit"/>) in one transaction, with one COMMIT and so one fsync. The group is written without
/// savepoints first; only when a turn fails is it rolled back and written again with a savepoint per turn. Turns that arrive while a commit runs wait in the queue; when the commit ends, the first of them leads the
/// next group. A turn alone commits on its caller's thread with no hand-off and no savepoint.
/// </summary>
/// <remarks>
/// A turn whose writes fail (a stale ETag, a failing record writer) is rolled back to its savepoint and gets its own
/// exception; the others of its group are saved. When the transaction itself fails, no turn of the group is saved and
/// each gets that error. Every caller learns its outcome only after the COMMIT, so committed callbacks follow it.
/// One leader at a time writes turns, so turns never meet SQLite's busy handler among themselves; other writers
/// (Quartz, the channels' stores) still wait on the busy timeout. The leaders share a connection of their own
/// (<see cref="SqliteWriterConnection"/>, ADR 0020) that keeps the statements every commit runs prepared; it is
/// closed and opened anew after a failed transaction.
/// </remarks>
public sealed class SqliteGroupCommitTurnStore : ITurnStore, IDisposable, IAsyncDisposable
{
    /// <summary>Enough to spread one fsync over a burst, few enough that no turn waits long behind the others.</summary>
    internal const int MostPerCommit = 64;

    private const string Savepoint = "turn";

    private readonly SqliteConnectionFactory _connections;
    private readonly SqlStorage _storage;
    private readonly TurnPreparer _preparer;
    private readonly ILogger<SqliteGroupCommitTurnStore> _logger;
    private readonly Queue<QueuedTurn> _queue = new();
    private readonly Lock _gate = new();
    private bool _leading;

    /// <summary>Held by the commit that uses <see cref="_writer"/>, and by <see cref="Dispose"/>.</summary>
    private readonly SemaphoreSlim _writerInUse = new(1, 1);
    private SqliteWriterConnection? _writer;
    private bool _disposed;

    public SqliteGroupCommitTurnStore(SqliteConnectionFactory connections, SqlStorage storage, IEnumerable<ITurnRecordWriter> writers, ILogger<SqliteGroupCommitTurnStore> logger)
    {
        _connections = connections;
        _storage = storage;
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
            HandOver();
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
        await _writerInUse.WaitAsync(CancellationToken.None);
        try
        {
            await _storage.CommitInOrderAsync(
                group.SelectMany(turn => turn.Prepared.State).Select(write => write.Key),
                () => WriteGroupAsync(group));
        }
        catch (Exception failure)
        {
            // Whatever broke the transaction may have left the connection unfit: the next commit opens another.
            await DropWriterAsync();
            if (group.Count > 1)
            {
                _logger.LogWarning(failure, "A group commit of {TurnCount} turns failed; none of them is saved", group.Count);
            }

            foreach (var turn in group)
            {
                turn.Failure ??= failure;
            }
        }
        finally
        {
            _writerInUse.Release();
        }
    }

    /// <summary>The leaders' connection, opened when the first commit (or the first after a failure) needs it.</summary>
    private async Task<SqliteWriterConnection> WriterAsync()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _writer ??= await _connections.OpenWriterAsync(CancellationToken.None);
    }

    private async Task DropWriterAsync()
    {
        if (_writer is { } writer)
        {
            _writer = null;
            await writer.DisposeAsync();
        }
    }

    /// <summary>
    /// Writes the group in one transaction and commits it: first without savepoints (two statements a turn fewer), and
    /// when a turn fails, rolled back and written again with a savepoint per turn, so that the failing turn fails alone.
    /// </summary>
    /// <returns>The state rows committed.</returns>
    private async Task<IReadOnlyList<StateWrite>> WriteGroupAsync(List<QueuedTurn> group) =>
        await WriteTogetherAsync(group) ?? await WriteTurnByTurnAsync(group);

    /// <returns>The state rows committed, or null when a turn of a group of several failed and nothing was saved.</returns>
    private async Task<IReadOnlyList<StateWrite>?> WriteTogetherAsync(List<QueuedTurn> group)
    {
        var connection = await WriterAsync();
        // Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE: the write lock is taken up front.
        await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);
        try
        {
            foreach (var turn in group)
            {
                await turn.Prepared.WriteAsync(connection, transaction, CancellationToken.None);
            }
        }
        catch (Exception) when (group.Count > 1)
        {
            // Alone, a turn's failure is its own; in a group, the others deserve another try without it.
            await transaction.RollbackAsync(CancellationToken.None);
            return null;
        }

        await transaction.CommitAsync(CancellationToken.None);
        return [.. group.SelectMany(turn => turn.Prepared.State)];
    }

    private async Task<IReadOnlyList<StateWrite>> WriteTurnByTurnAsync(List<QueuedTurn> group)
    {
        var connection = await WriterAsync();
        await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);
        foreach (var turn in group)
        {
            turn.Failure = await WriteInSavepointAsync(connection, transaction, turn.Prepared);
        }

        await transaction.CommitAsync(CancellationToken.None);
        return [.. group.Where(turn => turn.Failure is null).SelectMany(turn => turn.Prepared.State)];
    }

    /// <returns>What the turn's writes threw, after they were undone; null when they are in the transaction.</returns>
    private static async Task<Exception?> WriteInSavepointAsync(DbConnection connection, DbTransaction transaction, PreparedTurn turn)
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
    private void HandOver()
    {
        QueuedTurn? next;
        lock (_gate)
        {
            if (!_queue.TryPeek(out next))
            {
                _leading = false;
            }
        }

        next?.Lead();
    }

    /// <summary>Closes the leaders' connection once the commit that may be using it has ended; no commit runs after.</summary>
    /// <remarks>The host disposes its services asynchronously, so it waits for that commit without holding a thread.</remarks>
    public async ValueTask DisposeAsync()
    {
        await _writerInUse.WaitAsync(CancellationToken.None);
        CloseWriter();
    }

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose()
    {
        _writerInUse.Wait();
        CloseWriter();
    }

    private void CloseWriter()
    {
        try
        {
            _disposed = true;
            _writer?.Dispose();
            _writer = null;
        }
        finally
        {
            _writerInUse.Release();
        }
    }
}
