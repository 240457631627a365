using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BlockBot.Conversation.Concurrency;

/// <summary>
/// Drains a durable queue: each key's items strictly in order (a chat's, a customer's), different keys at once (up to
/// a limit). Woken when items are added; also looks on its own every second, so nothing waits on a lost wake-up or on
/// items another instance queued. Items that are not queued yet can be handed over in memory
/// (<see cref="TryHandOver"/>), for a key that nothing else is working on.
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

    // Runs begun by TryHandOver, waited for at the end as the read loop's own are.
    private readonly List<Task> _handedOver = [];
    private CancellationToken _stopping;
    private bool _taking;

    public void Wake() => _wake.Release();

    /// <summary>
    /// Starts <paramref name="items"/> (one key's, in order) at once, as if read from the queue, without their being
    /// queued: for a producer that has them in memory and would otherwise queue them only to be read back. Refused — and
    /// then the producer queues them — when no slot is free, the key is being worked on or left to another instance, or
    /// the worker is not running: a busy worker is better fed from the queue than by a producer waiting on it.
    /// </summary>
    protected bool TryHandOver(TKey key, IReadOnlyList<TItem> items)
    {
        lock (_gate)
        {
            if (!_taking || _leftToAnotherInstance.ContainsKey(key) || _busyKeys.Contains(key) || !_slots.Wait(0, CancellationToken.None))
            {
                return false;
            }

            _busyKeys.Add(key);
            _handedOver.RemoveAll(t => t.IsCompleted);
            _handedOver.Add(RunHandedOverAsync(key, [.. items], _stopping));
            return true;
        }
    }

    /// <summary>Called for each item of a run that ended before reaching it (an item before it stopped the key, or shutdown).</summary>
    protected virtual void NotReached(TItem item)
    {
    }

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
        lock (_gate)
        {
            _stopping = stoppingToken;
            _taking = true;
        }

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

        List<Task> handedOver;
        lock (_gate)
        {
            _taking = false;
            handedOver = [.. _handedOver];
        }

        await Task.WhenAll([.. running, .. handedOver]).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task RunHandedOverAsync(TKey key, List<TItem> items, CancellationToken stoppingToken)
    {
        // Off the producer's thread, which holds the gate.
        await Task.Yield();
        await RunKeyAsync(key, items, stoppingToken);
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
        var reached = 0;
        try
        {
            foreach (var item in items)
            {
                reached++;
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
            foreach (var item in items.Skip(reached))
            {
                NotReached(item);
            }

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
