using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using BlockBot.Conversation.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Exceptions;

namespace BlockBot.Channels.Telegram.Sending;

/// <summary>
/// Every call that puts a message into a chat goes through here: the outbox (replies, reminders, staff
/// events reaching the customer) and the staff chat (cards, edits, relays). It keeps Telegram's limits —
/// a rate over all chats, one message at a time per chat with a gap after it (1/s private, 20/min
/// group) — and on a 429 waits the <c>retry_after</c> Telegram asks for and sends again, so nothing is
/// dropped. The client's own 429 retry is off (RetryThreshold 0) so this is the only place that waits.
/// Several instances on PostgreSQL also book each send in the <see cref="SharedSendSchedule"/>, so the overall rate
/// and a chat's gap hold for all of them together (the staff group gets sends from every instance).
/// </summary>
public sealed class TelegramSendLimiter : IAsyncDisposable
{
    private readonly TokenBucketRateLimiter _overall;
    private readonly ConcurrentDictionary<long, ChatSlot> _chats = new();
    private readonly TimeSpan _privateGap;
    private readonly TimeSpan _groupGap;
    private readonly TimeProvider _time;
    private readonly ILogger<TelegramSendLimiter> _logger;
    private readonly BlockBotMetrics _metrics;
    private readonly SharedSendSchedule _shared;
    private readonly TimeSpan _overallGap;
    private long _throttled;
    private DateTimeOffset _pausedUntil;

    public TelegramSendLimiter(
        IOptions<TelegramOptions> options,
        SharedSendSchedule shared,
        TimeProvider time,
        BlockBotMetrics metrics,
        ILogger<TelegramSendLimiter> logger)
    {
        var o = options.Value;
        _time = time;
        _logger = logger;
        _metrics = metrics;
        _shared = shared;
        _overallGap = TimeSpan.FromSeconds(1 / o.MessagesPerSecond);
        _privateGap = TimeSpan.FromSeconds(1 / o.ChatMessagesPerSecond);
        _groupGap = TimeSpan.FromSeconds(60 / o.GroupMessagesPerMinute);

        // One token at a time, replenished at the overall rate: sends are spaced evenly, never in bursts.
        var period = TimeSpan.FromSeconds(1 / o.MessagesPerSecond);
        var perPeriod = 1;
        if (period < TimeSpan.FromMilliseconds(10))
        {
            // Timers are coarse below ~10 ms: replenish several tokens every 10 ms instead.
            perPeriod = (int)Math.Ceiling(o.MessagesPerSecond / 100);
            period = TimeSpan.FromSeconds(perPeriod / o.MessagesPerSecond);
        }

        _overall = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perPeriod,
            TokensPerPeriod = perPeriod,
            ReplenishmentPeriod = period,
            AutoReplenishment = true,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>How many 429 answers were waited out so far.</summary>
    public long Throttled => Interlocked.Read(ref _throttled);

    /// <summary>Runs <paramref name="send"/> for the chat within the limits, again after each 429, and returns its result.</summary>
    public async Task<T> SendAsync<T>(long chatId, Func<CancellationToken, Task<T>> send, CancellationToken cancellationToken)
    {
        var slot = _chats.GetOrAdd(chatId, _ => new ChatSlot());
        var arrived = _time.GetTimestamp();
        var waitRecorded = false;
        await slot.Gate.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                await DelayUntilAsync(slot.NotBefore, cancellationToken);
                using (var lease = await _overall.AcquireAsync(1, cancellationToken))
                {
                    if (!lease.IsAcquired)
                    {
                        continue;
                    }
                }

                // A 429 on any chat pauses everything briefly: Telegram may be counting all our sends.
                await DelayUntilAsync(_pausedUntil, cancellationToken);
                await WaitForSharedSlotsAsync(chatId, cancellationToken);
                if (!waitRecorded)
                {
                    _metrics.SendWaited("telegram", _time.GetElapsedTime(arrived));
                    waitRecorded = true;
                }

                try
                {
                    var result = await send(cancellationToken);
                    // Counted from the answer, so the next request reaches Telegram at least a gap after this one.
                    slot.NotBefore = _time.GetUtcNow() + (chatId < 0 ? _groupGap : _privateGap);
                    return result;
                }
                catch (ApiRequestException e) when (e.ErrorCode == 429)
                {
                    var retryAfter = TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1));
                    Interlocked.Increment(ref _throttled);
                    slot.NotBefore = _time.GetUtcNow() + retryAfter;
                    _logger.LogWarning("Telegram asked to slow down for chat {ChatId}: retrying after {RetryAfter}", chatId, retryAfter);
                }
            }
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    public Task SendAsync(long chatId, Func<CancellationToken, Task> send, CancellationToken cancellationToken) =>
        SendAsync(chatId, async token =>
        {
            await send(token);
            return true;
        }, cancellationToken);

    /// <summary>Holds every send for a while, e.g. after the Bot API said it is overloaded.</summary>
    public void PauseAll(TimeSpan duration)
    {
        var until = _time.GetUtcNow() + duration;
        if (until > _pausedUntil)
        {
            _pausedUntil = until;
        }
    }

    public ValueTask DisposeAsync() => _overall.DisposeAsync();

    private async Task WaitForSharedSlotsAsync(long chatId, CancellationToken cancellationToken)
    {
        if (!_shared.IsShared)
        {
            return;
        }

        var chatGap = chatId < 0 ? _groupGap : _privateGap;
        var overall = await _shared.BookAsync("all", _overallGap, cancellationToken);
        var chat = await _shared.BookAsync("chat:" + chatId.ToString(CultureInfo.InvariantCulture), chatGap, cancellationToken);
        var wait = overall > chat ? overall : chat;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken);
        }
    }

    private async Task DelayUntilAsync(DateTimeOffset when, CancellationToken cancellationToken)
    {
        // Timers round to whole milliseconds and may wake a little early; a gap is a floor, so wait it out fully.
        for (var wait = when - _time.GetUtcNow(); wait > TimeSpan.Zero; wait = when - _time.GetUtcNow())
        {
            await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, _time, cancellationToken);
        }
    }

    private sealed class ChatSlot
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public DateTimeOffset NotBefore { get; set; }
    }
}
