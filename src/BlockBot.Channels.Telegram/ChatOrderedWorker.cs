using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BlockBot.Channels.Telegram;

/// <summary>
/// Drains a durable queue: each chat's items strictly in order, different chats at once (up to a limit).
/// Woken when items are added; also looks on its own every second, so nothing waits on a lost wake-up.
/// </summary>
public abstract class ChatOrderedWorker<TItem>(int concurrency, ILogger logger) : BackgroundService
{
    private const int BatchSize = 1000;
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);
    private readonly SemaphoreSlim _slots = new(concurrency, concurrency);
    private readonly HashSet<long> _busyChats = [];

    // A batch read just before a chat's worker finished may still list items that worker completed.
    private readonly Dictionary<long, long> _doneThrough = [];
    private readonly Lock _gate = new();

    public void Wake() => _wake.Release();

    protected abstract Task<IReadOnlyList<TItem>> LoadAsync(int limit, CancellationToken cancellationToken);

    protected abstract long ChatOf(TItem item);

    /// <summary>The item's queue position; ascending within a chat.</summary>
    protected abstract long IdOf(TItem item);

    /// <summary>Handles one item; returns false when the chat should stop for now (the item stays queued).</summary>
    protected abstract Task<bool> HandleAsync(TItem item, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var items = await LoadAsync(BatchSize, stoppingToken);
                foreach (var chat in items.GroupBy(ChatOf))
                {
                    lock (_gate)
                    {
                        if (!_busyChats.Add(chat.Key))
                        {
                            continue;
                        }
                    }

                    await _slots.WaitAsync(stoppingToken);
                    running.Add(RunChatAsync(chat.Key, chat.ToList(), stoppingToken));
                }

                running.RemoveAll(t => t.IsCompleted);
                await _wake.WaitAsync(Idle, stoppingToken);
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

    private async Task RunChatAsync(long chatId, List<TItem> items, CancellationToken stoppingToken)
    {
        try
        {
            foreach (var item in items)
            {
                lock (_gate)
                {
                    if (_doneThrough.TryGetValue(chatId, out var done) && IdOf(item) <= done)
                    {
                        continue;
                    }
                }

                if (!await HandleAsync(item, stoppingToken))
                {
                    break;
                }

                lock (_gate)
                {
                    _doneThrough[chatId] = IdOf(item);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is left stays queued.
        }
        catch (Exception e)
        {
            logger.LogError(e, "Work for chat {ChatId} failed; it stays queued", chatId);
        }
        finally
        {
            lock (_gate)
            {
                _busyChats.Remove(chatId);
            }

            _slots.Release();
            Wake();
        }
    }
}
