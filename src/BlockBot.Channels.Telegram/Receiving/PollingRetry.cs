using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Telegram.Bot.Exceptions;

namespace BlockBot.Channels.Telegram.Receiving;

/// <summary>
/// The polling loop's retry: a failed round (getUpdates, or recording what it brought) is tried again without end,
/// after 1 s doubling up to 30 s; a round that succeeds starts the next one at 1 s again. Only stopping ends it.
/// </summary>
internal static class PollingRetry
{
    public static ResiliencePipeline<long?> Create(ILogger logger) =>
        new ResiliencePipelineBuilder<long?>()
            .AddRetry(new RetryStrategyOptions<long?>
            {
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromSeconds(1),
                MaxDelay = TimeSpan.FromSeconds(30),
                UseJitter = false,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } e && !(e is OperationCanceledException && args.Context.CancellationToken.IsCancellationRequested)),
                OnRetry = args =>
                {
                    var e = args.Outcome.Exception!;
                    var reason = e is ApiRequestException api ? $"{api.ErrorCode}: {api.Message}" : e.Message;
                    logger.LogWarning("getUpdates failed ({Reason}); trying again in {Backoff}", reason, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
}
