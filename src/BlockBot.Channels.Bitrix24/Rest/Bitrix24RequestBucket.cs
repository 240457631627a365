using System.Diagnostics;
using System.Threading.RateLimiting;
using BlockBot.Conversation.Diagnostics;
using Microsoft.Extensions.Options;

namespace BlockBot.Channels.Bitrix24.Rest;

/// <summary>
/// Keeps the portal's leaky bucket on our side: at most <see cref="Bitrix24Options.Burst"/> calls at once, then
/// <see cref="Bitrix24Options.RequestsPerSecond"/>. Tokens are added at the end of each period, never ahead of the
/// portal's drain, so a queue of calls goes out at the allowed rate instead of being refused.
/// </summary>
public sealed class Bitrix24RequestBucket : IAsyncDisposable
{
    private readonly TokenBucketRateLimiter _limiter;
    private readonly BlockBotMetrics _metrics;

    public Bitrix24RequestBucket(IOptions<Bitrix24Options> options, BlockBotMetrics metrics)
    {
        _metrics = metrics;
        var rate = options.Value.RequestsPerSecond;

        // Above 20/s, add tokens in chunks every 50 ms or so; the timer cannot tick every millisecond.
        var tokensPerPeriod = rate >= 20 ? (int)Math.Round(rate / 20) : 1;
        _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Value.Burst,
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = TimeSpan.FromSeconds(tokensPerPeriod / rate),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public async ValueTask<RateLimitLease> AcquireAsync(CancellationToken cancellationToken)
    {
        var arrived = Stopwatch.GetTimestamp();
        var lease = await _limiter.AcquireAsync(1, cancellationToken);
        _metrics.SendWaited("bitrix24", Stopwatch.GetElapsedTime(arrived));
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new InvalidOperationException("The Bitrix24 request bucket refused a call; its queue is unbounded, so this is a bug.");
        }

        return lease;
    }

    public ValueTask DisposeAsync() => _limiter.DisposeAsync();
}
