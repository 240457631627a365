using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlockBot.Channels.Bitrix24.Rest;

/// <summary>
/// Calls REST methods on the portal: every call waits for the request bucket, a call refused for load
/// (503 <c>QUERY_LIMIT_EXCEEDED</c>, 429) or lost on the network is retried with growing delays, an expired
/// OAuth token is renewed once, and any other error becomes a <see cref="Bitrix24Exception"/> with one log
/// line naming the method and the portal's error code. Neither URLs nor parameters are logged: both can carry secrets.
/// </summary>
public sealed class Bitrix24RestClient(
    HttpClient http,
    IBitrix24Credentials credentials,
    Bitrix24RequestBucket bucket,
    IOptions<Bitrix24Options> options,
    ILogger<Bitrix24RestClient> logger)
{
    /// <summary>The most commands one <c>batch</c> call may carry.</summary>
    public const int MaxBatch = 50;

    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    /// <returns>The response's <c>result</c>.</returns>
    public async Task<JsonNode?> CallAsync(string method, JsonObject parameters, CancellationToken cancellationToken)
    {
        var renewed = false;
        for (var attempt = 0; ; attempt++)
        {
            var body = (JsonObject)parameters.DeepClone();
            HttpStatusCode status;
            JsonObject? response;
            using (await bucket.AcquireAsync(cancellationToken))
            {
                var uri = await credentials.PrepareAsync(method, body, cancellationToken);
                try
                {
                    using var reply = await http.PostAsJsonAsync(uri, body, cancellationToken);
                    status = reply.StatusCode;
                    response = await ReadAsync(reply, cancellationToken);
                }
                catch (HttpRequestException e) when (attempt < options.Value.MaxRetries)
                {
                    await BackOffAsync(method, attempt, "unreachable: " + e.HttpRequestError, cancellationToken);
                    continue;
                }
            }

            var error = JsonRead.Text(response?["error"]);
            if ((int)status < 300 && error is null)
            {
                return response?["result"];
            }

            error ??= "HTTP_" + ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (IsLoad(status, error) && attempt < options.Value.MaxRetries)
            {
                await BackOffAsync(method, attempt, error, cancellationToken);
                continue;
            }

            if (error is "expired_token" && !renewed && await credentials.RefreshAsync(cancellationToken))
            {
                renewed = true;
                continue;
            }

            var description = JsonRead.Text(response?["error_description"]);
            logger.LogError("Bitrix24 {Method} failed: HTTP {Status} {Error} ({Description})", method, (int)status, error, description);
            throw new Bitrix24Exception(method, (int)status, error, description);
        }
    }

    /// <summary>Several calls in one request (one token from the bucket). Each command's result or error by key.</summary>
    public async Task<IReadOnlyDictionary<string, JsonNode?>> BatchAsync(IReadOnlyList<(string Key, string Method, JsonObject Parameters)> calls, CancellationToken cancellationToken)
    {
        if (calls.Count > MaxBatch)
        {
            throw new ArgumentException($"A batch carries at most {MaxBatch} commands.", nameof(calls));
        }

        var cmd = new JsonObject();
        foreach (var (key, method, parameters) in calls)
        {
            cmd[key] = method + "?" + PhpQuery.Encode(parameters);
        }

        var result = await CallAsync("batch", new JsonObject { ["halt"] = 1, ["cmd"] = cmd }, cancellationToken);
        if (result?["result_error"] is JsonObject errors && errors.Count > 0)
        {
            var (key, failure) = errors.First();
            var error = JsonRead.Text(failure?["error"]) ?? "UNKNOWN";
            var description = JsonRead.Text(failure?["error_description"]);
            var method = calls.FirstOrDefault(c => c.Key == key).Method ?? key;
            logger.LogError("Bitrix24 {Method} in a batch failed: {Error} ({Description})", method, error, description);
            throw new Bitrix24Exception(method, 200, error, description);
        }

        var results = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (result?["result"] is JsonObject values)
        {
            foreach (var (key, value) in values)
            {
                results[key] = value?.DeepClone();
            }
        }

        return results;
    }

    private static bool IsLoad(HttpStatusCode status, string error) =>
        status is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests
        || error is "QUERY_LIMIT_EXCEEDED" or "OPERATION_TIME_LIMIT" or "OVERLOAD_LIMIT";

    private async Task BackOffAsync(string method, int attempt, string reason, CancellationToken cancellationToken)
    {
        var grown = options.Value.RetryBaseDelay * Math.Pow(2, attempt);
        var delay = (grown < MaxDelay ? grown : MaxDelay) * (0.8 + (0.4 * Random.Shared.NextDouble()));
        logger.LogWarning("Bitrix24 {Method}: {Reason}; retry {Attempt} in {Delay} ms", method, reason, attempt + 1, (int)delay.TotalMilliseconds);
        await Task.Delay(delay, cancellationToken);
    }

    private static async Task<JsonObject?> ReadAsync(HttpResponseMessage reply, CancellationToken cancellationToken)
    {
        try
        {
            return await reply.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
