namespace BlockBot.Conversation.Concurrency;

/// <summary>
/// An async lock per key (a conversation, a customer), released when the returned handle is disposed. Waiters of one
/// key go one at a time; different keys never wait for each other; a key nobody holds or waits for is dropped.
/// </summary>
public sealed class KeyedLock<TKey>(IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly Dictionary<TKey, (SemaphoreSlim Gate, int Users)> _gates = new(comparer);

    public async Task<IDisposable> AcquireAsync(TKey key, CancellationToken cancellationToken)
    {
        SemaphoreSlim gate;
        lock (_gates)
        {
            var entry = _gates.TryGetValue(key, out var existing) ? existing : (new SemaphoreSlim(1, 1), 0);
            _gates[key] = (entry.Item1, entry.Item2 + 1);
            gate = entry.Item1;
        }

        try
        {
            await gate.WaitAsync(cancellationToken);
        }
        catch
        {
            Return(key);
            throw;
        }

        return new Handle(this, key, gate);
    }

    private void Return(TKey key)
    {
        lock (_gates)
        {
            var (gate, users) = _gates[key];
            if (users == 1)
            {
                _gates.Remove(key);
                gate.Dispose();
            }
            else
            {
                _gates[key] = (gate, users - 1);
            }
        }
    }

    private sealed class Handle(KeyedLock<TKey> owner, TKey key, SemaphoreSlim gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Release();
                owner.Return(key);
            }
        }
    }
}
