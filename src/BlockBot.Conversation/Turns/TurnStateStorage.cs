using Microsoft.Bot.Builder;

namespace BlockBot.Conversation.Turns;

/// <summary>
/// The <see cref="IStorage"/> Bot Builder's state classes use within one turn: writes and deletes become
/// <see cref="StateChange"/>s in the <see cref="TurnUnitOfWork"/> it was given, and reads see them before the store,
/// so the turn reads back what it has not saved yet. Nothing reaches the store until the turn is committed.
/// </summary>
public sealed class TurnStateStorage(IStorage store, TurnUnitOfWork work) : IStorage
{
    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var items = new Dictionary<string, object>(keys.Length, StringComparer.Ordinal);
        var unread = new List<string>(keys.Length);
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            if (!work.TryGetChange(key, out var change))
            {
                unread.Add(key);
            }
            else if (change.Value is { } value)
            {
                items[key] = value;
            }
        }

        if (unread.Count > 0)
        {
            foreach (var (key, value) in await store.ReadAsync([.. unread], cancellationToken))
            {
                items[key] = value;
            }
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
