using BlockBot.Conversation.Turns;
using BlockBot.Storage.Sql;

namespace BlockBot.Storage.Turns;

/// <summary>
/// Saves a turn's unit of work in one transaction of its own: the state changes first (ETags checked as
/// <see cref="SqlStorage"/> checks them), then every record by the writer registered for its type (ADR 0010).
/// The store of PostgreSQL, which locks rows and so lets turns of different conversations commit side by side; on
/// SQLite turns share commits (<see cref="Sqlite.SqliteGroupCommitTurnStore"/>).
/// </summary>
public sealed class SqlTurnStore(IDbConnectionFactory connections, SqlStorage storage, IEnumerable<ITurnRecordWriter> writers) : ITurnStore
{
    private readonly TurnPreparer _preparer = new(storage, writers);

    public async Task SaveAsync(TurnUnitOfWork work, CancellationToken cancellationToken)
    {
        if (_preparer.Prepare(work) is not { } turn)
        {
            return;
        }

        await storage.CommitInOrderAsync(turn.State.Select(write => write.Key), async () =>
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await turn.WriteAsync(connection, transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return turn.State;
        });
    }
}
