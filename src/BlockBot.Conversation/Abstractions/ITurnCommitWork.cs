using System.Data.Common;

namespace BlockBot.Conversation.Abstractions;

/// <summary>
/// Something a turn saves in the same transaction as its state: the replies a channel queues, the mark that the
/// update or event behind the turn is handled. Either all of it and the state are saved, or none of it is, so a turn
/// cut short by a crash runs again from the state it started with and says what it said only once.
/// </summary>
public interface ITurnCommitWork
{
    Task SaveAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Called once the transaction that saved this work has committed.</summary>
    void Committed();
}
