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
    public async Task DeleteAsync(long id, CancellationToken cancellationToken)
    {
        var deleted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool leads;
        lock (_gate)
        {
            _asked.Add((id, deleted));
            leads = !_deleting;
            _deleting = true;
        }

        if (!leads)
        {
            await deleted.Task.WaitAsync(cancellationToken);
            return;
        }

        // No delete ran, so nothing was asked before this row: it heads the first group. The caller deletes that group
        // itself (a lone sender waits for no hand-off) and leaves the groups asked for meanwhile to a task of their own,
        // so it waits for its own row only.
        await DeleteGroupAsync(TakeGroup()!);
        if (TakeGroup() is { } next)
        {
            _ = Task.Run(() => DeleteAllAskedAsync(next), CancellationToken.None);
        }

        await deleted.Task;
    }

    /// <summary>Deletes <paramref name="first"/> and then what was asked for, group by group, until nothing is left; never throws.</summary>
    private async Task DeleteAllAskedAsync(List<(long Id, TaskCompletionSource Deleted)> first)
    {
        for (var group = first; group is not null; group = TakeGroup())
        {
            await DeleteGroupAsync(group);
        }
    }

    /// <returns>The oldest rows asked for (at most <see cref="MostPerStatement"/>); null, and no delete running, when none is.</returns>
    private List<(long Id, TaskCompletionSource Deleted)>? TakeGroup()
    {
        lock (_gate)
        {
            if (_asked.Count == 0)
            {
                _deleting = false;
                return null;
            }

            var count = Math.Min(_asked.Count, MostPerStatement);
            var group = _asked.GetRange(0, count);
            _asked.RemoveRange(0, count);
            return group;
        }
    }

    /// <summary>Deletes the group's rows in one statement and tells each of their senders; never throws.</summary>
    private async Task DeleteGroupAsync(List<(long Id, TaskCompletionSource Deleted)> group)
    {
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
