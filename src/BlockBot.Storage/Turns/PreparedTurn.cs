using System.Data.Common;
using BlockBot.Conversation.Turns;
using BlockBot.Storage.Sql;

namespace BlockBot.Storage.Turns;

/// <summary>
/// A turn's unit of work made ready to write: its state rows serialised and a writer found for each of its records,
/// so that nothing is refused for its type once a transaction has begun (ADR 0010).
/// </summary>
internal sealed class PreparedTurn(SqlStorage storage, IReadOnlyList<StateWrite> state, IReadOnlyList<(TurnRecord Record, ITurnRecordWriter Writer)> records)
{
    /// <summary>The state rows the turn writes.</summary>
    public IReadOnlyList<StateWrite> State => state;

    /// <summary>Writes the state (ETags checked) and then every record, in the caller's transaction.</summary>
    public async Task WriteAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await storage.ApplyAsync(connection, transaction, state, cancellationToken);
        foreach (var (record, writer) in records)
        {
            await writer.WriteAsync(record, connection, transaction, cancellationToken);
        }
    }
}
