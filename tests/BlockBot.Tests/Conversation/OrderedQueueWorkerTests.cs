using BlockBot.Conversation.Concurrency;
using Microsoft.Extensions.Logging.Abstractions;

namespace BlockBot.Tests.Conversation;

/// <summary>
/// The worker under the Telegram inbox and the event outbox, over a queue in memory: what reaches the handler, and
/// how often.
/// </summary>
public sealed class OrderedQueueWorkerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_item_queued_after_a_later_one_of_its_key_was_handled_is_still_handled()
    {
        // Two instances taking in one staff group's presses: the press numbered 7 can be saved after 8 was handled.
        using var worker = new QueueInMemory();
        await worker.StartAsync(CancellationToken.None);
        worker.Add("staff-group", 8);
        await worker.HandledAsync(("staff-group", 8));

        worker.Add("staff-group", 7);
        await worker.HandledAsync(("staff-group", 7));

        await worker.StopAsync(CancellationToken.None);
        Assert.Equal([("staff-group", 8L), ("staff-group", 7L)], worker.Handled);
    }

    [Fact]
    public async Task Each_keys_items_are_handled_in_order_and_each_once()
    {
        using var worker = new QueueInMemory();
        foreach (var id in Enumerable.Range(1, 200))
        {
            worker.Add($"chat-{id % 7}", id);
        }

        await worker.StartAsync(CancellationToken.None);
        await worker.HandledAsync(("chat-4", 200));
        await worker.WaitUntilEmptyAsync();
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(200, worker.Handled.Count);
        Assert.Equal(200, worker.Handled.Distinct().Count());
        foreach (var chat in worker.Handled.GroupBy(h => h.Key))
        {
            Assert.Equal(chat.Select(h => h.Id).Order(), chat.Select(h => h.Id));
        }
    }

    [Fact]
    public async Task Items_handed_over_in_memory_run_in_order_unless_their_key_is_busy_no_slot_is_free_or_the_worker_is_not_running()
    {
        using var worker = new QueueInMemory();
        Assert.False(worker.HandOver("chat-a", 1), "A worker not yet running took items.");
        await worker.StartAsync(CancellationToken.None);

        var release = worker.Hold(("chat-a", 1));
        worker.Add("chat-a", 1);
        await worker.StartedAsync(("chat-a", 1));
        Assert.False(worker.HandOver("chat-a", 2), "Items of a key being worked on were taken: they could overtake its queue.");

        Assert.True(worker.HandOver("chat-b", 3, 4));
        await worker.HandledAsync(("chat-b", 4));

        // Four slots: chat-a and three more held keys fill them, once chat-b's run has given its slot back.
        var releases = new List<Action>();
        foreach (var key in new[] { "chat-c", "chat-d", "chat-e" })
        {
            releases.Add(worker.Hold((key, 10)));
            await worker.HandOverWhenASlotIsFreeAsync(key, 10);
            await worker.StartedAsync((key, 10));
        }

        Assert.False(worker.HandOver("chat-f", 5), "Items were taken with no slot free.");

        release();
        releases.ForEach(r => r());
        await worker.HandledAsync(("chat-e", 10));
        await worker.WaitUntilEmptyAsync();
        await worker.StopAsync(CancellationToken.None);
        Assert.Equal([3L, 4L], worker.Handled.Where(h => h.Key == "chat-b").Select(h => h.Id));
        Assert.DoesNotContain(("chat-a", 2L), worker.Handled);
        Assert.DoesNotContain(("chat-f", 5L), worker.Handled);
    }

    /// <summary>Removes an item when it is handled, as the stores do in the handler's transaction.</summary>
    private sealed class QueueInMemory() : OrderedQueueWorker<(string Key, long Id), string>(4, NullLogger.Instance)
    {
        private readonly Lock _gate = new();
        private readonly SortedSet<(long Id, string Key)> _queued = [];
        private readonly List<(string Key, long Id)> _handled = [];
        private readonly List<(string Key, long Id)> _started = [];
        private readonly Dictionary<(string Key, long Id), Task> _held = [];
        private TaskCompletionSource _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<(string Key, long Id)> Handled
        {
            get
            {
                lock (_gate)
                {
                    return [.. _handled];
                }
            }
        }

        public void Add(string key, long id)
        {
            lock (_gate)
            {
                _queued.Add((id, key));
            }

            Wake();
        }

        public bool HandOver(string key, params long[] ids) => TryHandOver(key, [.. ids.Select(id => (key, id))]);

        public async Task HandOverWhenASlotIsFreeAsync(string key, long id)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            while (!HandOver(key, id))
            {
                Assert.True(watch.Elapsed < Patience, $"({key}, {id}) was never taken");
                await Task.Delay(5);
            }
        }

        /// <summary>The item's handling waits, once begun, until the returned action is called.</summary>
        public Action Hold((string Key, long Id) item)
        {
            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                _held[item] = release.Task;
            }

            return () => release.TrySetResult();
        }

        public Task StartedAsync((string Key, long Id) item) => WaitForAsync(() => _started.Contains(item), $"{item} was never begun");

        public Task HandledAsync((string Key, long Id) item) => WaitForAsync(() => _handled.Contains(item), $"{item} was never handled");

        public Task WaitUntilEmptyAsync() => WaitForAsync(() => _queued.Count == 0, "the queue never emptied");

        protected override Task<IReadOnlyList<(string Key, long Id)>> LoadAsync(int limit, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                return Task.FromResult<IReadOnlyList<(string Key, long Id)>>([.. _queued.Take(limit).Select(q => (q.Key, q.Id))]);
            }
        }

        protected override string KeyOf((string Key, long Id) item) => item.Key;

        protected override async Task<bool> HandleAsync((string Key, long Id) item, CancellationToken cancellationToken)
        {
            await Task.Yield();
            Task? held;
            TaskCompletionSource progress;
            lock (_gate)
            {
                _started.Add(item);
                held = _held.GetValueOrDefault(item);
                progress = _progress;
                _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            progress.TrySetResult();
            if (held is not null)
            {
                await held;
            }

            lock (_gate)
            {
                _handled.Add(item);
                _queued.Remove((item.Id, item.Key));
                progress = _progress;
                _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            progress.TrySetResult();
            return true;
        }

        private async Task WaitForAsync(Func<bool> condition, string failure)
        {
            using var timeout = new CancellationTokenSource(Patience);
            while (true)
            {
                Task progressed;
                lock (_gate)
                {
                    if (condition())
                    {
                        return;
                    }

                    progressed = _progress.Task;
                }

                try
                {
                    await progressed.WaitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    Assert.Fail(failure);
                }
            }
        }
    }
}
