using System.Data.Common;
using BlockBot.Conversation.Turns;
using Dapper;

namespace BlockBot.Storage.Sql.Domain;

/// <summary>
/// Where the support domain's writes go. On SQLite, when the composition has a turn store, each joins the turns' group
/// commit (ADR 0010) as a <see cref="DomainWrite"/>: it waits for the file's one write lock in the commit queue, without
/// holding a thread, and shares a commit and its fsync with the turns and writes queued beside it (ADR 0018). Written
/// on their own, every case stage, ticket change and outbox row held a thread-pool thread in SQLite's busy handler
/// while the lock was taken, and under a burst those threads were all the pool had. Elsewhere (PostgreSQL, where
/// writers do not exclude each other, or without a turn store) a write is its own transaction.
/// </summary>
public sealed class SqlDomainWrites
{
    private readonly IDbConnectionFactory _connections;
    private readonly ITurnStore? _sharedCommits;

    /// <param name="turnStores">The composition's turn store, if it has one.</param>
    public SqlDomainWrites(IDbConnectionFactory connections, IEnumerable<ITurnStore> turnStores)
    {
        ArgumentNullException.ThrowIfNull(turnStores);
        _connections = connections;
        _sharedCommits = connections.Provider == StorageProvider.Sqlite ? turnStores.LastOrDefault() : null;
    }

    /// <summary>Runs <paramref name="write"/> in a transaction that is committed before this returns.</summary>
    public async Task RunAsync(Func<DbConnection, DbTransaction, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (_sharedCommits is { } store)
        {
            var work = new TurnUnitOfWork();
            work.Add(new DomainWrite(write));
            await store.SaveAsync(work, cancellationToken);
            return;
        }

        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await write(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <returns>The rows the statements changed.</returns>
    public async Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        var changed = 0;
        await RunAsync(
            async (connection, transaction, token) =>
                changed = await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: token)),
            cancellationToken);
        return changed;
    }

    /// <returns>The first column of the first row the statement returns.</returns>
    public async Task<T> ScalarAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
    {
        T? result = default;
        await RunAsync(
            async (connection, transaction, token) =>
                result = await connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, parameters, transaction, cancellationToken: token)),
            cancellationToken);
        return result!;
    }
}
