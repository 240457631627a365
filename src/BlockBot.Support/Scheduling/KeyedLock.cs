namespace BlockBot.Support.Scheduling;

/// <summary>An async lock per key (e.g. per customer), released when the returned handle is disposed; idle keys are dropped.</summary>
public sealed class KeyedLock
{
    private readonly Dictionary<string, (SemaphoreSlim Gate, int Users)> _gates = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
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

    private void Return(string key)
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

    private sealed class Handle(KeyedLock owner, string key, SemaphoreSlim gate) : IDisposable
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
