using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace BlockBot.Channels.Bitrix24.Rest;

/// <summary>
/// Calls REST methods on the portal: every call waits for the request bucket, a call refused for load or lost on the
/// network is retried with growing delays (<see cref="Bitrix24Retry"/>), an expired OAuth token is renewed once, and
/// any other error becomes a <see cref="Bitrix24Exception"/> with one log line naming the method and the portal's
/// error code. Neither URLs nor parameters are logged: both can carry secrets.
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

    private readonly ResiliencePipeline<Bitrix24Reply> _retry = Bitrix24Retry.Create(options.Value, logger);

    /// <returns>The response's <c>result</c>.</returns>
    public async Task<JsonNode?> CallAsync(string method, JsonObject parameters, CancellationToken cancellationToken)
    {
        var renewed = false;
        while (true)
        {
            var reply = await CallWithRetryAsync(method, parameters, cancellationToken);
            if (reply.Error is null)
            {
                return reply.Response?["result"];
            }

            if (reply.Error is "expired_token" && !renewed && await credentials.RefreshAsync(cancellationToken))
            {
                renewed = true;
                continue;
            }

            var description = JsonRead.Text(reply.Response?["error_description"]);
            logger.LogError("Bitrix24 {Method} failed: HTTP {Status} {Error} ({Description})", method, (int)reply.Status, reply.Error, description);
            throw new Bitrix24Exception(method, (int)reply.Status, reply.Error, description);
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

    private async Task<Bitrix24Reply> CallWithRetryAsync(string method, JsonObject parameters, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(method, cancellationToken);
        try
        {
            return await _retry.ExecuteAsync(
                static (context, state) => state.Client.CallOnceAsync(state.Method, state.Parameters, context.CancellationToken),
                context,
                (Client: this, Method: method, Parameters: parameters));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<Bitrix24Reply> CallOnceAsync(string method, JsonObject parameters, CancellationToken cancellationToken)
    {
        var body = (JsonObject)parameters.DeepClone();
        using (await bucket.AcquireAsync(cancellationToken))
        {
            var uri = await credentials.PrepareAsync(method, body, cancellationToken);
            using var reply = await http.PostAsJsonAsync(uri, body, cancellationToken);
            var response = await ReadAsync(reply, cancellationToken);
            var error = JsonRead.Text(response?["error"]);
            if ((int)reply.StatusCode >= 300 && error is null)
            {
                error = "HTTP_" + ((int)reply.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return new Bitrix24Reply(reply.StatusCode, response, error);
        }
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
