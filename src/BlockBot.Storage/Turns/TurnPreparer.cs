using BlockBot.Conversation.Turns;
using BlockBot.Storage.Sql;

namespace BlockBot.Storage.Turns;

/// <summary>Turns a unit of work into a <see cref="PreparedTurn"/>: everything that can be refused without the database is refused here.</summary>
internal sealed class TurnPreparer
{
    private readonly SqlStorage _storage;
    private readonly Dictionary<Type, ITurnRecordWriter> _writers;

    public TurnPreparer(SqlStorage storage, IEnumerable<ITurnRecordWriter> writers)
    {
        ArgumentNullException.ThrowIfNull(writers);
        _storage = storage;
        _writers = writers.ToDictionary(w => w.RecordType);
    }

    /// <returns>The turn ready to write, or null when it saves nothing.</returns>
    public PreparedTurn? Prepare(TurnUnitOfWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (work.IsEmpty)
        {
            return null;
        }

        var state = _storage.Prepare(work.StateChanges);
        var records = work.Records.Select(record => (Record: record, Writer: WriterOf(record))).ToList();
        return state.Count == 0 && records.Count == 0 ? null : new PreparedTurn(_storage, state, records);
    }

    private ITurnRecordWriter WriterOf(TurnRecord record) =>
        _writers.TryGetValue(record.GetType(), out var writer)
            ? writer
            : throw new InvalidOperationException($"No writer is registered for the turn record {record.GetType().Name}; register one with AddTurnRecordWriter.");
}
