using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace BlockBot.Channels.Bitrix24.Rest;

/// <summary>
/// The REST client's retry: a call refused for load (503 <c>QUERY_LIMIT_EXCEEDED</c>, 429, the portal's time limits) or
/// lost on the network is tried again up to <see cref="Bitrix24Options.MaxRetries"/> times, after
/// <see cref="Bitrix24Options.RetryBaseDelay"/> doubling each time up to 30 s, ±20 %. Any other error is not retried.
/// The operation key of the resilience context names the REST method for the log line.
/// </summary>
internal static class Bitrix24Retry
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    public static ResiliencePipeline<Bitrix24Reply> Create(Bitrix24Options options, ILogger logger)
    {
        if (options.MaxRetries == 0)
        {
            return ResiliencePipeline<Bitrix24Reply>.Empty;
        }

        return new ResiliencePipelineBuilder<Bitrix24Reply>()
            .AddRetry(new RetryStrategyOptions<Bitrix24Reply>
            {
                MaxRetryAttempts = options.MaxRetries,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(DelayOf(options.RetryBaseDelay, args.AttemptNumber)),
                OnRetry = args =>
                {
                    var reason = args.Outcome.Exception is HttpRequestException e ? "unreachable: " + e.HttpRequestError : args.Outcome.Result?.Error;
                    logger.LogWarning(
                        "Bitrix24 {Method}: {Reason}; retry {Attempt} in {Delay} ms",
                        args.Context.OperationKey,
                        reason,
                        args.AttemptNumber + 1,
                        (int)args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    private static bool IsTransient(Outcome<Bitrix24Reply> outcome) =>
        outcome.Exception is HttpRequestException
        || (outcome.Result is { Error: { } error } reply && IsLoad(reply.Status, error));

    private static bool IsLoad(HttpStatusCode status, string error) =>
        status is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests
        || error is "QUERY_LIMIT_EXCEEDED" or "OPERATION_TIME_LIMIT" or "OVERLOAD_LIMIT";

    private static TimeSpan DelayOf(TimeSpan baseDelay, int attempt)
    {
        var grown = baseDelay * Math.Pow(2, attempt);
        return (grown < MaxDelay ? grown : MaxDelay) * (0.8 + (0.4 * Random.Shared.NextDouble()));
    }
}
