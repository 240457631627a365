using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BlockBot.Conversation.Concurrency;

/// <summary>
/// Drains a durable queue: each key's items strictly in order (a chat's, a customer's), different keys at once (up to
/// a limit). Woken when items are added; also looks on its own every second, so nothing waits on a lost wake-up or on
/// items another instance queued.
/// </summary>
public abstract class OrderedQueueWorker<TItem, TKey>(int concurrency, ILogger logger) : BackgroundService
    where TKey : notnull
{
    private const int BatchSize = 1000;
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);
    private readonly SemaphoreSlim _slots = new(concurrency, concurrency);
    private readonly HashSet<TKey> _busyKeys = [];

    // Keys whose worker ended since the current read began: what the read lists for them may be stale (an item handled
    // or postponed meanwhile), so they are left for the next read, which their worker's ending asks for at once. Never
    // a high-water mark of ids: a key's item with a lower id can be queued after a higher one was handled (two
    // instances taking in one chat's updates, an update sent again after a crash), and must not be skipped.
    private readonly HashSet<TKey> _endedDuringRead = [];

    // Keys another instance is working on, with when (Environment.TickCount64) to look at them again.
    private readonly Dictionary<TKey, long> _leftToAnotherInstance = [];
    private readonly Lock _gate = new();

    public void Wake() => _wake.Release();

    /// <summary>
    /// Leaves the key's items to the instance that holds the key now, instead of waiting for it: they are not taken up
    /// again until the worker's next look of its own (a second), by when that instance has usually handled them. Call it
    /// before <see cref="HandleAsync"/> returns false.
    /// </summary>
    protected void LeaveToAnotherInstance(TKey key)
    {
        lock (_gate)
        {
            _leftToAnotherInstance[key] = Environment.TickCount64 + (long)Idle.TotalMilliseconds;
        }
    }

    protected abstract Task<IReadOnlyList<TItem>> LoadAsync(int limit, CancellationToken cancellationToken);

    protected abstract TKey KeyOf(TItem item);


    /// <summary>Handles one item; returns false when the key should stop for now (the item stays queued).</summary>
    protected abstract Task<bool> HandleAsync(TItem item, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                lock (_gate)
                {
                    // What ended before this read began is saved, so the read sees it.
                    _endedDuringRead.Clear();
                    ForgetLeftKeysDue();
                }

                var items = await LoadAsync(BatchSize, stoppingToken);
                foreach (var group in items.GroupBy(KeyOf))
                {
                    lock (_gate)
                    {
                        if (_endedDuringRead.Contains(group.Key) || _leftToAnotherInstance.ContainsKey(group.Key) || !_busyKeys.Add(group.Key))
                        {
                            continue;
                        }
                    }

                    await _slots.WaitAsync(stoppingToken);
                    running.Add(RunKeyAsync(group.Key, group.ToList(), stoppingToken));
                }

                running.RemoveAll(t => t.IsCompleted);
                await _wake.WaitAsync(Idle, stoppingToken);
                // Every wake-up given before the next read begins is answered by it: one read, not one per wake-up (a
                // busy queue is woken by every finished item and every key that ends).
                while (_wake.Wait(0, CancellationToken.None))
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Reading the queue failed; trying again shortly");
                await Task.Delay(Idle, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        await Task.WhenAll(running).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private void ForgetLeftKeysDue()
    {
        if (_leftToAnotherInstance.Count == 0)
        {
            return;
        }

        var now = Environment.TickCount64;
        foreach (var (key, lookAgainAt) in _leftToAnotherInstance)
        {
            if (lookAgainAt <= now)
            {
                _leftToAnotherInstance.Remove(key);
            }
        }
    }

    private async Task RunKeyAsync(TKey key, List<TItem> items, CancellationToken stoppingToken)
    {
        try
        {
            foreach (var item in items)
            {
                if (!await HandleAsync(item, stoppingToken))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is left stays queued.
        }
        catch (Exception e)
        {
            logger.LogError(e, "Work for {QueueKey} failed; it stays queued", key);
        }
        finally
        {
            lock (_gate)
            {
                _busyKeys.Remove(key);
                _endedDuringRead.Add(key);
            }

            _slots.Release();
            Wake();
        }
    }
}
