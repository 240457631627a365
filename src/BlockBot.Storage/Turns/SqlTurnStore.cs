using BlockBot.Conversation.Turns;
using BlockBot.Storage.Sql;

namespace BlockBot.Storage.Turns;

/// <summary>
/// Saves a turn's unit of work in one transaction of the shared database: the state changes first (ETags checked as
/// <see cref="SqlStorage"/> checks them), then every record by the writer registered for its type (ADR 0010).
/// </summary>
public sealed class SqlTurnStore : ITurnStore
{
    private readonly IDbConnectionFactory _connections;
    private readonly SqlStorage _storage;
    private readonly Dictionary<Type, ITurnRecordWriter> _writers;

    public SqlTurnStore(IDbConnectionFactory connections, SqlStorage storage, IEnumerable<ITurnRecordWriter> writers)
    {
        ArgumentNullException.ThrowIfNull(writers);
        _connections = connections;
        _storage = storage;
        _writers = writers.ToDictionary(w => w.RecordType);
    }

    public async Task SaveAsync(TurnUnitOfWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (work.IsEmpty)
        {
            return;
        }

        // Everything that can be refused without the database is refused before the transaction begins.
        var state = _storage.Prepare(work.StateChanges);
        var records = work.Records.Select(record => (Record: record, Writer: WriterOf(record))).ToList();

        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await _storage.ApplyAsync(connection, transaction, state, cancellationToken);
        foreach (var (record, writer) in records)
        {
            await writer.WriteAsync(record, connection, transaction, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private ITurnRecordWriter WriterOf(TurnRecord record) =>
        _writers.TryGetValue(record.GetType(), out var writer)
            ? writer
            : throw new InvalidOperationException($"No writer is registered for the turn record {record.GetType().Name}; register one with AddTurnRecordWriter.");
}
