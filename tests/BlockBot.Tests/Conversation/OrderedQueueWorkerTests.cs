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

    /// <summary>Removes an item when it is handled, as the stores do in the handler's transaction.</summary>
    private sealed class QueueInMemory() : OrderedQueueWorker<(string Key, long Id), string>(4, NullLogger.Instance)
    {
        private readonly Lock _gate = new();
        private readonly SortedSet<(long Id, string Key)> _queued = [];
        private readonly List<(string Key, long Id)> _handled = [];
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
            TaskCompletionSource progress;
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
