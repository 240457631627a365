using Microsoft.Bot.Builder;

namespace BlockBot.Conversation.Turns;

/// <summary>
/// The <see cref="IStorage"/> Bot Builder's state classes use within one turn: writes and deletes become
/// <see cref="StateChange"/>s in the <see cref="TurnUnitOfWork"/> it was given, and reads see them before the store,
/// so the turn reads back what it has not saved yet. Nothing reaches the store until the turn is committed. The first
/// read from the store also reads the keys the turn declared it will read (<see cref="StateReadAhead"/>).
/// </summary>
public sealed class TurnStateStorage(IStorage store, TurnUnitOfWork work) : IStorage
{
    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var items = new Dictionary<string, object>(keys.Length, StringComparer.Ordinal);
        var unread = new List<string>(keys.Length);
        foreach (var key in keys.Length == 1 ? keys : keys.Distinct(StringComparer.Ordinal).ToArray())
        {
            if (work.TryGetChange(key, out var change))
            {
                if (change.Value is { } value)
                {
                    items[key] = value;
                }
            }
            else if (work.ReadAhead.TryTake(key, out var ahead))
            {
                if (ahead is not null)
                {
                    items[key] = ahead;
                }
            }
            else
            {
                unread.Add(key);
            }
        }

        if (unread.Count == 0)
        {
            return items;
        }

        var alongside = work.ReadAhead.TakeExpected()
            .Where(key => !unread.Contains(key, StringComparer.Ordinal) && !work.TryGetChange(key, out _))
            .ToList();
        var read = await store.ReadAsync([.. unread, .. alongside], cancellationToken);
        foreach (var key in unread)
        {
            if (read.TryGetValue(key, out var value))
            {
                items[key] = value;
            }
        }

        foreach (var key in alongside)
        {
            work.ReadAhead.Keep(key, read.TryGetValue(key, out var value) ? value : null);
        }

        return items;
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var (key, value) in changes)
        {
            work.Change(new StateChange(key, value));
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            work.Change(new StateChange(key, null));
        }

        return Task.CompletedTask;
    }
}
