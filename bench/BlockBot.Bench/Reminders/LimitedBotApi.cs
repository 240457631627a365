using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BlockBot.Bench.Reminders;

/// <summary>
/// A fake Telegram Bot API on 127.0.0.1 that keeps Telegram's overall limit the way the issue states it: at most
/// <c>limit</c> messages accepted in any one second (sliding window); a sendMessage beyond it is refused with 429 and
/// <c>retry_after</c> (whole seconds until the window has room, at least 1), as Telegram answers. It records every
/// accepted message with the time it arrived. getUpdates holds the long poll and answers empty: the reminder bench
/// hands its customers' messages to the channel's intake itself. The grammY peers' fake has no limits, hence this one.
/// </summary>
public sealed class LimitedBotApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly int _limit;
    private readonly Queue<long> _window = new();
    private readonly Lock _gate = new();
    private readonly ConcurrentQueue<AcceptedMessage> _accepted = new();
    private readonly ConcurrentQueue<long> _refused = new();
    private readonly ConcurrentDictionary<string, int> _calls = new();
    private long _messageId;

    private LimitedBotApi(WebApplication app, int limit)
    {
        _app = app;
        _limit = limit;
    }

    public string Url { get; private set; } = string.Empty;

    /// <summary>Accepted sendMessage calls, in the order they were accepted.</summary>
    public IReadOnlyCollection<AcceptedMessage> Accepted => _accepted;

    /// <summary>When each 429 was answered (<see cref="Stopwatch"/> timestamps).</summary>
    public IReadOnlyCollection<long> Refused => _refused;

    public IReadOnlyDictionary<string, int> Calls => _calls;

    public static async Task<LimitedBotApi> StartAsync(int messagesPerSecond, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var api = new LimitedBotApi(app, messagesPerSecond);
        app.MapPost("/bot{token}/{method}", api.HandleAsync);
        await app.StartAsync(cancellationToken);
        api.Url = app.Urls.First();
        return api;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(string method, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0
            ? await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken)
            : null;
        _calls.AddOrUpdate(method, 1, (_, n) => n + 1);
        switch (method)
        {
            case "getMe":
                return Ok(new JsonObject { ["id"] = 7000000001, ["is_bot"] = true, ["first_name"] = "BlockBot", ["username"] = "block_bench_bot" });
            case "getUpdates":
                var timeout = body?["timeout"]?.GetValue<int>() ?? 0;
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(timeout), cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    // The bot stopped polling.
                }

                return Ok(new JsonArray());
            case "sendMessage":
                return SendMessage(body);
            case "setMyCommands" or "deleteWebhook" or "answerCallbackQuery" or "editMessageReplyMarkup":
                return Ok(true);
            default:
                return Results.Json(new JsonObject { ["ok"] = false, ["error_code"] = 404, ["description"] = "Not Found" }, statusCode: 404);
        }
    }

    private IResult SendMessage(JsonNode? body)
    {
        var now = Stopwatch.GetTimestamp();
        var chatId = long.TryParse(body?["chat_id"]?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0;
        var text = body?["text"]?.GetValue<string>() ?? string.Empty;
        lock (_gate)
        {
            while (_window.Count > 0 && Stopwatch.GetElapsedTime(_window.Peek(), now) >= TimeSpan.FromSeconds(1))
            {
                _window.Dequeue();
            }

            if (_window.Count >= _limit)
            {
                var room = TimeSpan.FromSeconds(1) - Stopwatch.GetElapsedTime(_window.Peek(), now);
                var retryAfter = Math.Max(1, (int)Math.Ceiling(room.TotalSeconds));
                _refused.Enqueue(now);
                return Results.Json(
                    new JsonObject
                    {
                        ["ok"] = false,
                        ["error_code"] = 429,
                        ["description"] = $"Too Many Requests: retry after {retryAfter}",
                        ["parameters"] = new JsonObject { ["retry_after"] = retryAfter },
                    },
                    statusCode: 429);
            }

            _window.Enqueue(now);
        }

        var messageId = Interlocked.Increment(ref _messageId);
        _accepted.Enqueue(new AcceptedMessage(chatId, text, now));
        return Ok(new JsonObject
        {
            ["message_id"] = messageId,
            ["from"] = new JsonObject { ["id"] = 7000000001, ["is_bot"] = true, ["first_name"] = "BlockBot", ["username"] = "block_bench_bot" },
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatId < 0 ? "group" : "private" },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["text"] = text,
        });
    }

    private static IResult Ok(JsonNode result) => Results.Json(new JsonObject { ["ok"] = true, ["result"] = result });

    private static IResult Ok(bool result) => Results.Json(new JsonObject { ["ok"] = true, ["result"] = result });
}
