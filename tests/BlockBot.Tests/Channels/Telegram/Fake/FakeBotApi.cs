using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BlockBot.Tests.Channels.Telegram.Fake;

/// <summary>
/// A Bot API server on 127.0.0.1 for the real Telegram.Bot client: parses each call's JSON body, records
/// it, holds getUpdates long polls up to their timeout, confirms updates by offset as Telegram does, and
/// (when given limits) answers 429 with retry_after past them.
/// </summary>
public sealed class FakeBotApi : IAsyncDisposable
{
    public const long BotId = 7000001;
    public const string Token = "7000001:fake-secret-token_ABC";
    public const int MaxTextLength = 4096;
    public const int MaxCallbackDataBytes = 64;

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<(long Id, JsonNode? Update)> _updates = [];
    private readonly List<SentMessage> _sent = [];
    private readonly Dictionary<int, (string Text, string? Markup)> _contentByMessage = [];
    private readonly List<DateTimeOffset> _acceptedAll = [];
    private readonly Dictionary<long, List<DateTimeOffset>> _acceptedByChat = [];
    private readonly ConcurrentQueue<FakeCall> _calls = new();
    private readonly Dictionary<long, string?> _chatMembers = [];
    private readonly Dictionary<int, List<FakeCall>> _editsByMessage = [];
    private readonly Dictionary<string, List<FakeCall>> _answersByQuery = [];
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _held = new();
    private int _holding;
    private int _getUpdatesFailures;
    private TaskCompletionSource _newUpdate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextUpdateId = 1000;
    private int _nextMessageId = 1;
    private long _confirmedBelow;
    private long _throttled;

    private FakeBotApi(WebApplication app) => _app = app;

    public FakeLimits? Limits { get; set; }

    public string Url { get; private set; } = string.Empty;

    public IReadOnlyList<FakeCall> Calls => [.. _calls];

    public long Throttled => Interlocked.Read(ref _throttled);

    /// <summary>The highest offset a getUpdates call has confirmed through (exclusive).</summary>
    public long ConfirmedBelow
    {
        get
        {
            lock (_gate)
            {
                return _confirmedBelow;
            }
        }
    }

    public IReadOnlyList<SentMessage> Sent
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    public IReadOnlyList<SentMessage> SentTo(long chatId) => Sent.Where(m => m.ChatId == chatId).ToList();

    /// <summary>The messages accepted after the first <paramref name="index"/>, in order: for readers that keep up with a long run.</summary>
    public IReadOnlyList<SentMessage> SentFrom(int index)
    {
        lock (_gate)
        {
            return index >= _sent.Count ? [] : _sent.GetRange(index, _sent.Count - index);
        }
    }

    /// <summary>The texts (as shown) of the accepted editMessageText calls on one message, in order.</summary>
    public IReadOnlyList<FakeCall> Edits(int messageId) => Indexed(_editsByMessage, messageId);

    /// <summary>The answerCallbackQuery calls for one button press (by its callback query id), in order.</summary>
    public IReadOnlyList<FakeCall> Answers(string callbackQueryId) => Indexed(_answersByQuery, callbackQueryId);

    public static string Shown(FakeCall call)
    {
        var raw = call.Body["text"]!.GetValue<string>();
        return FakeHtml.TryParse(raw, out var shown, out _) ? shown : raw;
    }

    public static async Task<FakeBotApi> StartAsync(FakeLimits? limits = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeBotApi(app) { Limits = limits };
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return fake;
    }

    /// <summary>
    /// What getChatMember answers for the user in any chat: a status (<c>member</c>, <c>administrator</c>,
    /// <c>creator</c>, <c>restricted</c>, <c>left</c>, <c>kicked</c>), or null for a user Telegram does not
    /// know there (400). Users never set are plain members.
    /// </summary>
    public void SetChatMember(long userId, string? status)
    {
        lock (_gate)
        {
            _chatMembers[userId] = status;
        }
    }

    /// <summary>Leaves every call of <paramref name="method"/> unanswered until the returned action is called.</summary>
    public Action Hold(string method)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _held[method] = release;
        return () =>
        {
            _held.TryRemove(method, out _);
            release.TrySetResult();
        };
    }

    /// <summary>How many calls <see cref="Hold"/> keeps unanswered now.</summary>
    public int Holding => Volatile.Read(ref _holding);

    /// <summary>The next <paramref name="times"/> getUpdates calls fail with 500.</summary>
    public void FailGetUpdates(int times) => Interlocked.Exchange(ref _getUpdatesFailures, times);

    /// <summary>Queues an update (the fake assigns update_id) for the next getUpdates; returns its id.</summary>
    public int Enqueue(JsonObject update) => EnqueueRaw(id =>
    {
        update["update_id"] = id;
        return update;
    });

    /// <summary>
    /// Queues whatever <paramref name="build"/> makes of the next update id, served as it is (any JSON, even one
    /// without that id or not an object); like an update, it is gone once an offset above the id is confirmed.
    /// </summary>
    public int EnqueueRaw(Func<long, JsonNode?> build)
    {
        lock (_gate)
        {
            var id = _nextUpdateId++;
            _updates.Add((id, build(id)));
            _newUpdate.TrySetResult();
            _newUpdate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return id;
        }
    }

    /// <summary>
    /// Serves an update again under its own id, as Telegram does after a bot stopped before confirming it: a getUpdates
    /// without an offset (a restarted bot's first) gets it.
    /// </summary>
    public void Redeliver(JsonObject update)
    {
        var id = update["update_id"]!.GetValue<long>();
        lock (_gate)
        {
            _updates.Add((id, update.DeepClone()));
            _updates.Sort((a, b) => a.Id.CompareTo(b.Id));
            _newUpdate.TrySetResult();
            _newUpdate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public int LastUpdateId
    {
        get
        {
            lock (_gate)
            {
                return _nextUpdateId - 1;
            }
        }
    }

    /// <summary>Waits until the condition holds, or fails the test after the timeout.</summary>
    public async Task WaitUntilAsync(Func<FakeBotApi, bool> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!condition(this))
        {
            Assert.True(watch.Elapsed < limit, $"Timed out after {limit.TotalSeconds} s waiting for {what}.");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        // POST /bot<token>/<method>, as Telegram.Bot sends every request.
        var path = context.Request.Path.Value ?? string.Empty;
        var slash = path.IndexOf('/', 1);
        if (!path.StartsWith("/bot", StringComparison.Ordinal) || slash < 0)
        {
            await ErrorAsync(context, 404, "Not Found");
            return;
        }

        var method = path[(slash + 1)..];
        var body = context.Request.ContentLength is 0 or null && !context.Request.Headers.ContainsKey("Transfer-Encoding")
            ? new JsonObject()
            : (JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync()) as JsonObject ?? new JsonObject());
        if (path[4..slash] != Token)
        {
            Record(method, body, 401);
            await ErrorAsync(context, 401, "Unauthorized");
            return;
        }

        if (_held.TryGetValue(method, out var held))
        {
            Interlocked.Increment(ref _holding);
            try
            {
                await held.Task;
            }
            finally
            {
                Interlocked.Decrement(ref _holding);
            }
        }

        var (status, result, error, retryAfter) = method switch
        {
            "getMe" => Ok(Bot()),
            "getUpdates" when Interlocked.Decrement(ref _getUpdatesFailures) >= 0 => (500, null, "Internal Server Error", 0),
            "getUpdates" => Ok(await GetUpdatesAsync(body, context.RequestAborted)),
            "sendMessage" => Send(body, edit: false),
            "editMessageText" => Send(body, edit: true),
            "editMessageReplyMarkup" => Send(body, edit: true),
            "answerCallbackQuery" or "setMyCommands" or "setWebhook" or "deleteWebhook" or "leaveChat" => Ok(JsonValue.Create(true)),
            "getChatMember" => ChatMember(body["user_id"]!.GetValue<long>()),
            _ => (404, null, "Not Found", 0),
        };
        Record(method, body, status);
        switch (status)
        {
            case 200:
                await WriteAsync(context, 200, new JsonObject { ["ok"] = true, ["result"] = result });
                break;
            case 429:
                await WriteAsync(context, 429, new JsonObject
                {
                    ["ok"] = false,
                    ["error_code"] = 429,
                    ["description"] = $"Too Many Requests: retry after {retryAfter}",
                    ["parameters"] = new JsonObject { ["retry_after"] = retryAfter },
                });
                break;
            default:
                await ErrorAsync(context, status, error ?? "Error");
                break;
        }
    }

    private static (int, JsonNode?, string?, int) Ok(JsonNode? result) => (200, result, null, 0);

    private (int, JsonNode?, string?, int) ChatMember(long userId)
    {
        string? status;
        lock (_gate)
        {
            status = _chatMembers.TryGetValue(userId, out var set) ? set : "member";
        }

        if (status is null)
        {
            return (400, null, "Bad Request: PARTICIPANT_ID_INVALID", 0);
        }

        var member = new JsonObject { ["status"] = status, ["user"] = User(userId, "Member") };
        switch (status)
        {
            case "administrator":
                member["can_be_edited"] = false;
                member["is_anonymous"] = false;
                member["can_manage_chat"] = true;
                break;
            case "creator":
                member["is_anonymous"] = false;
                break;
            case "restricted":
                member["is_member"] = true;
                member["can_send_messages"] = false;
                member["until_date"] = 0;
                break;
            case "kicked":
                member["until_date"] = 0;
                break;
        }

        return Ok(member);
    }

    private async Task<JsonNode> GetUpdatesAsync(JsonObject body, CancellationToken aborted)
    {
        var offset = body["offset"]?.GetValue<long>() ?? 0;
        var limit = body["limit"]?.GetValue<int>() ?? 100;
        var timeout = TimeSpan.FromSeconds(body["timeout"]?.GetValue<int>() ?? 0);
        var until = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            Task waitForNew;
            lock (_gate)
            {
                if (offset > 0)
                {
                    // Confirmation: updates below the offset are gone for good.
                    _updates.RemoveAll(u => u.Id < offset);
                    _confirmedBelow = Math.Max(_confirmedBelow, offset);
                }

                if (_updates.Count > 0)
                {
                    return new JsonArray([.. _updates.Take(limit).Select(u => u.Update?.DeepClone())]);
                }

                waitForNew = _newUpdate.Task;
            }

            var left = until - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return new JsonArray();
            }

            try
            {
                await waitForNew.WaitAsync(left, aborted);
            }
            catch (TimeoutException)
            {
                return new JsonArray();
            }
        }
    }

    private (int, JsonNode?, string?, int) Send(JsonObject body, bool edit)
    {
        var chatId = body["chat_id"]!.GetValue<long>();
        var raw = body["text"]?.GetValue<string>();
        var html = body["parse_mode"]?.GetValue<string>() is { } mode && mode.Equals("html", StringComparison.OrdinalIgnoreCase);
        var shown = raw;
        if (raw is not null && html && !FakeHtml.TryParse(raw, out shown, out var parseError))
        {
            return (400, null, parseError, 0);
        }

        if (raw is not null && shown!.Trim().Length == 0)
        {
            return (400, null, "Bad Request: message text is empty", 0);
        }

        if (shown is { Length: > MaxTextLength })
        {
            return (400, null, "Bad Request: message is too long", 0);
        }

        var buttons = Buttons(body);
        if (buttons.Any(b => System.Text.Encoding.UTF8.GetByteCount(b) is 0 or > MaxCallbackDataBytes))
        {
            return (400, null, "Bad Request: BUTTON_DATA_INVALID", 0);
        }

        var now = DateTimeOffset.UtcNow;
        lock (_gate)
        {
            if (Limits is { } limits && RetryAfter(limits, chatId, now) is { } wait)
            {
                Interlocked.Increment(ref _throttled);
                return (429, null, null, wait);
            }

            _acceptedAll.Add(now);
            if (!_acceptedByChat.TryGetValue(chatId, out var times))
            {
                _acceptedByChat[chatId] = times = [];
            }

            var messageId = edit ? body["message_id"]!.GetValue<int>() : _nextMessageId++;
            // Like Telegram, an edit that changes nothing is refused.
            var known = _contentByMessage.TryGetValue(messageId, out var current);
            var content = (Text: raw ?? (known ? current.Text : string.Empty), Markup: body["reply_markup"]?.ToJsonString());
            if (edit && known && current == content)
            {
                return (400, null, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message", 0);
            }

            _contentByMessage[messageId] = content;
            times.Add(now);
            if (!edit)
            {
                _sent.Add(new SentMessage(
                    chatId,
                    messageId,
                    shown ?? string.Empty,
                    buttons,
                    body["reply_parameters"]?["message_id"]?.GetValue<int>(),
                    body["reply_markup"]?["force_reply"] is not null,
                    now,
                    raw ?? string.Empty));
            }

            return Ok(new JsonObject
            {
                ["message_id"] = messageId,
                ["date"] = now.ToUnixTimeSeconds(),
                ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatId < 0 ? "supergroup" : "private" },
                ["from"] = Bot(),
                ["text"] = shown,
            });
        }
    }

    /// <summary>Null when the send is within the limits; else the whole seconds to wait, as Telegram's retry_after.</summary>
    private int? RetryAfter(FakeLimits limits, long chatId, DateTimeOffset now)
    {
        if (WithinLimits(limits, chatId, now))
        {
            return null;
        }

        var inWindow = chatId < 0 && _acceptedByChat.TryGetValue(chatId, out var times)
            ? times.Where(t => now - t < limits.Window).Order().ToList()
            : [];
        // A full group frees a place when its oldest message in the window leaves it.
        return inWindow.Count >= limits.GroupPerMinute
            ? Math.Max(1, (int)Math.Ceiling((inWindow[0] + limits.Window - now).TotalSeconds))
            : 1;
    }

    private bool WithinLimits(FakeLimits limits, long chatId, DateTimeOffset now)
    {
        if (_acceptedAll.Count(t => now - t < TimeSpan.FromSeconds(1)) >= limits.PerSecond)
        {
            return false;
        }

        if (!_acceptedByChat.TryGetValue(chatId, out var times) || times.Count == 0)
        {
            return true;
        }

        return chatId < 0
            ? times.Count(t => now - t < limits.Window) < limits.GroupPerMinute
            : now - times[^1] >= TimeSpan.FromSeconds(1 / limits.ChatPerSecond);
    }

    private static List<string> Buttons(JsonObject body) =>
        body["reply_markup"]?["inline_keyboard"] is JsonArray rows
            ? rows.OfType<JsonArray>().SelectMany(r => r).Select(b => b?["callback_data"]?.GetValue<string>() ?? string.Empty).ToList()
            : [];

    private void Record(string method, JsonObject body, int status)
    {
        var call = new FakeCall(method, body, status, DateTimeOffset.UtcNow);
        _calls.Enqueue(call);
        lock (_gate)
        {
            switch (method)
            {
                case "editMessageText" when status == 200:
                    Add(_editsByMessage, body["message_id"]!.GetValue<int>(), call);
                    break;
                case "answerCallbackQuery" when body["callback_query_id"]?.GetValue<string>() is { } id:
                    Add(_answersByQuery, id, call);
                    break;
            }
        }
    }

    private static void Add<TKey>(Dictionary<TKey, List<FakeCall>> index, TKey key, FakeCall call)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var calls))
        {
            index[key] = calls = [];
        }

        calls.Add(call);
    }

    private IReadOnlyList<FakeCall> Indexed<TKey>(Dictionary<TKey, List<FakeCall>> index, TKey key)
        where TKey : notnull
    {
        lock (_gate)
        {
            return index.TryGetValue(key, out var calls) ? [.. calls] : [];
        }
    }

    private static JsonObject Bot() => new() { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "BlockBot", ["username"] = "blockbot_test_bot" };

    public static JsonObject User(long id, string name, string? language = null) => new()
    {
        ["id"] = id,
        ["is_bot"] = false,
        ["first_name"] = name,
        ["language_code"] = language,
    };

    private static Task ErrorAsync(HttpContext context, int status, string description) =>
        WriteAsync(context, status, new JsonObject { ["ok"] = false, ["error_code"] = status, ["description"] = description });

    private static async Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull }));
    }
}
