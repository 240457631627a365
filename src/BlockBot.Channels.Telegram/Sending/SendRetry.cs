using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Telegram.Bot.Exceptions;

namespace BlockBot.Channels.Telegram.Sending;

/// <summary>
/// The outbox's retry: a send lost on the network or failed at Telegram's end is tried again without end, after 1 s
/// doubling up to 30 s, until it goes or the host stops. A refusal (400, 403) is final and not retried; a 429 never
/// reaches here, since <see cref="TelegramSendLimiter"/> waits out its <c>retry_after</c> itself.
/// </summary>
internal static class SendRetry
{
    /// <summary>The chat a send goes to, for the log line.</summary>
    public static readonly ResiliencePropertyKey<long> ChatId = new("telegram.chat_id");

    public static ResiliencePipeline Create(ILogger logger) =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromSeconds(1),
                MaxDelay = TimeSpan.FromSeconds(30),
                UseJitter = false,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is RequestException or HttpRequestException
                    && args.Outcome.Exception is not ApiRequestException { ErrorCode: 400 or 403 }
                    && !args.Context.CancellationToken.IsCancellationRequested),
                OnRetry = args =>
                {
                    logger.LogWarning(
                        "Sending to chat {ChatId} failed ({Reason}); retrying in {Backoff}",
                        args.Context.Properties.GetValue(ChatId, 0),
                        args.Outcome.Exception?.Message,
                        args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
}
