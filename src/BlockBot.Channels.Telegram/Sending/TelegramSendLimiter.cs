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
/// Several instances on PostgreSQL also book each send in the <see cref="ISharedSendSchedule"/>, so the overall rate
/// and a chat's gap hold for all of them together (the staff group gets sends from every instance).
/// Sends waiting for the same chat, or for the overall rate, go by <see cref="SendPriority"/>: what staff do goes
/// before what the outbox holds, so relays and refusals queued in the staff group never hold up a staff action.
/// Besides spacing sends evenly, the overall rate is kept as Telegram counts it, within any one second: a send takes
/// one of <c>MessagesPerSecond</c> places and gives it back a second after its answer. Evenly spaced sends alone
/// put one more message into some second whenever the network delays one request a little more than the request
/// 30 sends later, and Telegram answers that one 429.
/// </summary>
public sealed class TelegramSendLimiter : IAsyncDisposable
{
    private readonly TokenBucketRateLimiter _overall;
    private readonly SendTurns _overallTurns;
    private readonly ChatSendTurns _chats;
    private readonly TimeSpan _privateGap;
    private readonly TimeSpan _groupGap;
    private readonly TimeProvider _time;
    private readonly ILogger<TelegramSendLimiter> _logger;
    private readonly BlockBotMetrics _metrics;
    private readonly ISharedSendSchedule _shared;
    private readonly TimeSpan _overallGap;
    private readonly SemaphoreSlim _places;
    private readonly TimeSpan _placeHeld;
    private long _throttled;
    private DateTimeOffset _pausedUntil;

    public TelegramSendLimiter(
        IOptions<TelegramOptions> options,
        ISharedSendSchedule shared,
        TimeProvider time,
        BlockBotMetrics metrics,
        ILogger<TelegramSendLimiter> logger)
    {
        var o = options.Value;
        _time = time;
        _logger = logger;
        _metrics = metrics;
        _shared = shared;
        _overallTurns = new SendTurns(time);
        _chats = new ChatSendTurns(time);
        _overallGap = TimeSpan.FromSeconds(1 / o.MessagesPerSecond);
        _privateGap = TimeSpan.FromSeconds(1 / o.ChatMessagesPerSecond);
        _groupGap = TimeSpan.FromSeconds(60 / o.GroupMessagesPerMinute);
        var places = (int)Math.Ceiling(o.MessagesPerSecond);
        _places = new SemaphoreSlim(places, places);
        _placeHeld = TimeSpan.FromSeconds(places / o.MessagesPerSecond);

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

    /// <summary>How many chats the limiter keeps a turn for now: those in use or in their gap, and some idle ones.</summary>
    internal int ChatsKept => _chats.Count;

    /// <summary>
    /// Runs <paramref name="send"/> for the chat within the limits, again after each 429, and returns its result. It waits
    /// behind sends of the same or a higher <paramref name="priority"/>, never behind lower ones that arrived first.
    /// </summary>
    public async Task<T> SendAsync<T>(long chatId, SendPriority priority, Func<CancellationToken, Task<T>> send, CancellationToken cancellationToken)
    {
        var chat = _chats.Take(chatId);
        try
        {
            return await SendInTurnAsync(chat, chatId, priority, send, cancellationToken);
        }
        finally
        {
            _chats.Return(chatId);
        }
    }

    private async Task<T> SendInTurnAsync<T>(SendTurns chat, long chatId, SendPriority priority, Func<CancellationToken, Task<T>> send, CancellationToken cancellationToken)
    {
        var arrived = _time.GetTimestamp();
        var waitRecorded = false;
        DateTimeOffset? notBefore = null;
        // The chat's turn comes a gap after its previous send: whatever else waits for the chat, one send at a time.
        await chat.EnterAsync(priority, cancellationToken);
        try
        {
            while (true)
            {
                DateTimeOffset retryAt;
                await AcquireOverallAsync(priority, cancellationToken);
                try
                {
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
                        notBefore = _time.GetUtcNow() + (chatId < 0 ? _groupGap : _privateGap);
                        return result;
                    }
                    catch (ApiRequestException e) when (e.ErrorCode == 429)
                    {
                        // The turn is kept: Telegram refuses the chat anything until then, a staff action included.
                        var retryAfter = TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1));
                        Interlocked.Increment(ref _throttled);
                        _logger.LogWarning("Telegram asked to slow down for chat {ChatId}: retrying after {RetryAfter}", chatId, retryAfter);
                        notBefore = retryAt = _time.GetUtcNow() + retryAfter;
                    }
                }
                finally
                {
                    // Counted from the answer too: whatever Telegram counted arrived before it.
                    _ = ReturnPlaceAsync(_time.GetUtcNow() + _placeHeld);
                }

                await DelayUntilAsync(retryAt, cancellationToken);
            }
        }
        finally
        {
            chat.Leave(notBefore);
        }
    }

    public Task SendAsync(long chatId, SendPriority priority, Func<CancellationToken, Task> send, CancellationToken cancellationToken) =>
        SendAsync(chatId, priority, async token =>
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

    public ValueTask DisposeAsync()
    {
        _overallTurns.Dispose();
        _chats.Dispose();

        return _overall.DisposeAsync();
    }

    /// <summary>Takes a place in the second and a token of the overall rate; sends of a higher priority take theirs first.</summary>
    private async Task AcquireOverallAsync(SendPriority priority, CancellationToken cancellationToken)
    {
        await _overallTurns.EnterAsync(priority, cancellationToken);
        try
        {
            await _places.WaitAsync(cancellationToken);
            try
            {
                while (true)
                {
                    using var lease = await _overall.AcquireAsync(1, cancellationToken);
                    if (lease.IsAcquired)
                    {
                        return;
                    }
                }
            }
            catch
            {
                // Cancelled before sending: the place was not used.
                _places.Release();
                throw;
            }
        }
        finally
        {
            _overallTurns.Leave(null);
        }
    }

    private async Task ReturnPlaceAsync(DateTimeOffset at)
    {
        await DelayUntilAsync(at, CancellationToken.None);
        _places.Release();
    }

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
}
