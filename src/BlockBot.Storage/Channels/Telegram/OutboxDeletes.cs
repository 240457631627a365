using BlockBot.Conversation.Turns;

namespace BlockBot.Storage.Channels.Telegram;

/// <summary>
/// Deletes sent outbox rows together: a delete asked for while no delete runs starts one, and the ones asked for
/// meanwhile go in the next, as one <c>DELETE … WHERE id IN (…)</c>. Each caller still returns only once its own row
/// is gone, so a sender that let go of its chat afterwards cannot see the row sent twice; what changes is that the
/// senders no longer fight for SQLite's one write lock with a transaction each. The delete is saved through the turn
/// store (<see cref="TelegramOutgoingSent"/>): on SQLite it joins the group commit of the turns saved at that moment,
/// so it neither waits for their commits in SQLite's busy handler nor costs an fsync of its own.
/// </summary>
internal sealed class OutboxDeletes(ITurnStore turns)
{
    // Far below either provider's parameter limit; a burst larger than this takes more than one statement.
    private const int MostPerStatement = 500;

    private readonly Lock _gate = new();
    private readonly List<(long Id, TaskCompletionSource Deleted)> _asked = [];
    private bool _deleting;

    /// <param name="id">The sent row.</param>
    /// <param name="cancellationToken">Stops the wait; the row is deleted all the same.</param>
    public Task DeleteAsync(long id, CancellationToken cancellationToken)
    {
        var deleted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool starts;
        lock (_gate)
        {
            _asked.Add((id, deleted));
            starts = !_deleting;
            _deleting = true;
        }

        if (starts)
        {
            // Off the caller's thread: Microsoft.Data.Sqlite completes its async calls synchronously, and the caller
            // waits for its own row only, not for the groups asked for after it.
            _ = Task.Run(DeleteAllAskedAsync, CancellationToken.None);
        }

        return deleted.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Deletes what was asked for, group by group, until nothing is left; never throws.</summary>
    private async Task DeleteAllAskedAsync()
    {
        while (true)
        {
            List<(long Id, TaskCompletionSource Deleted)> group;
            lock (_gate)
            {
                if (_asked.Count == 0)
                {
                    _deleting = false;
                    return;
                }

                var count = Math.Min(_asked.Count, MostPerStatement);
                group = _asked.GetRange(0, count);
                _asked.RemoveRange(0, count);
            }

            try
            {
                var work = new TurnUnitOfWork();
                work.Add(new TelegramOutgoingSent(group.ConvertAll(a => a.Id)));
                await turns.SaveAsync(work, CancellationToken.None);
                group.ForEach(a => a.Deleted.TrySetResult());
            }
            catch (Exception e)
            {
                // Each sender learns it, as from a delete of its own: its row stays queued and is looked at again.
                group.ForEach(a => a.Deleted.TrySetException(e));
            }
        }
    }
}
