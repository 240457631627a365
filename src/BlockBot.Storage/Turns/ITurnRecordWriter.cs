using System.Data.Common;
using BlockBot.Conversation.Turns;

namespace BlockBot.Storage.Turns;

/// <summary>
/// Writes one type of <see cref="TurnRecord"/> in the transaction of a turn's save. One writer per record type is
/// registered (<see cref="TurnRecordWriterServiceCollectionExtensions.AddTurnRecordWriter{TWriter}"/>); a channel's
/// records get theirs beside the channel's other storage code.
/// </summary>
public interface ITurnRecordWriter
{
    Type RecordType { get; }

    Task WriteAsync(TurnRecord record, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);
}
