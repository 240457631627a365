using System.Runtime.ExceptionServices;
using BlockBot.Storage.Turns;

namespace BlockBot.Storage.Sqlite;

/// <summary>
/// A turn waiting in <see cref="SqliteGroupCommitTurnStore"/>'s queue: the task its caller awaits ends when a leader
/// committed it (or failed it), or tells the caller that it leads the next group itself.
/// </summary>
internal sealed class QueuedTurn(PreparedTurn prepared)
{
    // Asynchronous continuations: the leader hands out every outcome and returns to its own caller at once.
    private readonly TaskCompletionSource<bool> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PreparedTurn Prepared { get; } = prepared;

    /// <summary>What stopped this turn from being saved; null once it is committed.</summary>
    public Exception? Failure { get; set; }

    /// <summary>True when the caller is to lead the next group; false when another leader saved the turn; throws the turn's own failure.</summary>
    public Task<bool> LeadsAsync() => _outcome.Task;

    public void Lead() => _outcome.TrySetResult(true);

    /// <summary>Tells the waiting caller the outcome of the group commit it was part of.</summary>
    public void Complete()
    {
        if (Failure is { } failure)
        {
            _outcome.TrySetException(failure);
        }
        else
        {
            _outcome.TrySetResult(false);
        }
    }

    /// <summary>The leader's own outcome: nothing when committed, else its failure rethrown.</summary>
    public void ThrowIfFailed()
    {
        if (Failure is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }
}
