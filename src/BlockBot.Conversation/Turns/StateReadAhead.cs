namespace BlockBot.Conversation.Turns;

/// <summary>
/// The state keys a turn is known to read (its conversation's and its user's), read together with the first read the
/// turn makes: one query instead of one per key. A document read ahead is handed out once; reading the key again goes
/// to the store, as a forced reload must.
/// </summary>
public sealed class StateReadAhead
{
    private readonly Lock _gate = new();
    private readonly List<string> _expected = [];
    private readonly Dictionary<string, object?> _read = new(StringComparer.Ordinal);

    /// <summary>Declares that the turn will read <paramref name="key"/>.</summary>
    public void Expect(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            if (!_expected.Contains(key, StringComparer.Ordinal))
            {
                _expected.Add(key);
            }
        }
    }

    /// <summary>The expected keys not read yet, to be read along with a read the turn makes; from now on they count as read.</summary>
    internal IReadOnlyList<string> TakeExpected()
    {
        lock (_gate)
        {
            if (_expected.Count == 0)
            {
                return [];
            }

            string[] keys = [.. _expected];
            _expected.Clear();
            return keys;
        }
    }

    /// <summary>Keeps what was read ahead for <paramref name="key"/>: its document, or null when the store has none.</summary>
    internal void Keep(string key, object? document)
    {
        lock (_gate)
        {
            _read[key] = document;
        }
    }

    /// <summary>Hands out what was read ahead for <paramref name="key"/>, once.</summary>
    internal bool TryTake(string key, out object? document)
    {
        lock (_gate)
        {
            return _read.Remove(key, out document);
        }
    }
}
