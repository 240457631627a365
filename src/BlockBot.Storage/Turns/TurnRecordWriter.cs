using System.Data.Common;
using BlockBot.Conversation.Turns;

namespace BlockBot.Storage.Turns;

/// <summary>The writer of the records of type <typeparamref name="TRecord"/>.</summary>
public abstract class TurnRecordWriter<TRecord> : ITurnRecordWriter
    where TRecord : TurnRecord
{
    public Type RecordType => typeof(TRecord);

    public Task WriteAsync(TurnRecord record, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        WriteAsync((TRecord)record, connection, transaction, cancellationToken);

    protected abstract Task WriteAsync(TRecord record, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);
}
