using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BlockBot.Tests.Channels.Bitrix24.Fake;

/// <summary>
/// A Bitrix24 portal's REST API on 127.0.0.1, as far as the bot uses it: incoming-webhook and OAuth calls with JSON or
/// form bodies, <c>batch</c>, Chatbots 2.0 registration, commands, the fetch event queue, messages, and the open-line
/// session methods. It keeps the portal's leaky bucket (refusing with 503 QUERY_LIMIT_EXCEEDED past it), can be told
/// to fail calls with 503 or to refuse writing to a chat, and records every call.
/// </summary>
public sealed class FakeBitrix24 : IAsyncDisposable
{
    public const string WebhookUser = "1";
    public const string WebhookSecret = "s3cr3t-webhook";
    public const string ClientId = "local.app";
    public const string ClientSecret = "app-secret";

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<FakeCall> _calls = [];
    private readonly Dictionary<string, JsonObject> _bots = new(StringComparer.Ordinal);
    private readonly HashSet<string> _commands = new(StringComparer.Ordinal);
    private readonly List<(long Id, string Type, JsonObject Data)> _queue = [];
    private readonly Dictionary<long, FakeMessage> _messages = [];
    private readonly List<FakeMessage> _sent = [];
    private readonly HashSet<string> _refusedDialogs = new(StringComparer.Ordinal);
    private long _nextBotId = 456;
    private long _nextEventId = 1001;
    private long _nextMessageId = 5000;
    private double _bucketLevel;
    private TimeSpan _bucketAt;
    private int _failuresLeft;
    private string? _failingMethod;
    private string _accessToken = "access-0";
    private int _tokenVersion;

    private FakeBitrix24(WebApplication app, double rate, int burst)
    {
        _app = app;
        Rate = rate;
        Burst = burst;
    }

    /// <summary>Drain per second of the leaky bucket.</summary>
    public double Rate { get; }

    /// <summary>How many requests the bucket holds.</summary>
    public int Burst { get; }

    public Uri BaseUri { get; private set; } = null!;

    public string WebhookUrl => new Uri(BaseUri, $"/rest/{WebhookUser}/{WebhookSecret}/").ToString();

    public string PortalUrl => new Uri(BaseUri, "/rest/").ToString();

    public string OAuthTokenUrl => new Uri(BaseUri, "/oauth/token/").ToString();

    /// <summary>The refresh token the portal accepts next; each renewal issues a new one.</summary>
    public string CurrentRefreshToken { get; private set; } = "refresh-0";

    /// <summary>The offset the bot confirmed last with Event.get.</summary>
    public long? ConfirmedOffset { get; private set; }

    public static async Task<FakeBitrix24> StartAsync(double rate = 1000, int burst = 1000)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeBitrix24(app, rate, burst);
        app.MapPost("/rest/{user}/{secret}/{method}", (HttpContext http, string user, string secret, string method) =>
            fake.HandleAsync(http, method, user == WebhookUser && secret == WebhookSecret, webhookAuth: true));
        app.MapPost("/rest/{method}", (HttpContext http, string method) => fake.HandleAsync(http, method, authorised: true, webhookAuth: false));
        app.MapGet("/oauth/token/", fake.RenewToken);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUri = new Uri(address);
        return fake;
    }

    public IReadOnlyList<FakeCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Every message posted, in order (edits are in <see cref="Message"/>).</summary>
    public IReadOnlyList<FakeMessage> Sent
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    public IReadOnlyList<JsonObject> Bots
    {
        get
        {
            lock (_gate)
            {
                return [.. _bots.Values.Select(b => (JsonObject)b.DeepClone())];
            }
        }
    }

    public IReadOnlySet<string> Commands
    {
        get
        {
            lock (_gate)
            {
                return new HashSet<string>(_commands);
            }
        }
    }

    public long BotId => long.Parse(Bots.Single()["id"]!.ToString(), CultureInfo.InvariantCulture);

    /// <summary>Answers the next <paramref name="count"/> calls (of <paramref name="method"/>, or any) with 503 QUERY_LIMIT_EXCEEDED, as an overloaded portal does.</summary>
    public void FailNext(int count, string? method = null)
    {
        lock (_gate)
        {
            _failuresLeft = count;
            _failingMethod = method;
        }
    }

    /// <summary>From now on the portal refuses the bot's messages to <paramref name="dialogId"/> with 403 ACCESS_DENIED, as for a chat it may not write to.</summary>
    public void RefuseWritesTo(string dialogId)
    {
        lock (_gate)
        {
            _refusedDialogs.Add(dialogId);
        }
    }

    /// <summary>Makes the current access token expire now.</summary>
    public void ExpireAccessToken()
    {
        lock (_gate)
        {
            _accessToken = "expired";
        }
    }

    public FakeMessage? Message(long id)
    {
        lock (_gate)
        {
            return _messages.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<FakeMessage> SentTo(string dialogId) => Sent.Where(m => m.DialogId == dialogId).ToList();

    public IReadOnlyList<FakeCall> CallsOf(string method) => Calls.Where(c => c.Method.Equals(method, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>Queues an event for the fetch loop; returns its id.</summary>
    public long Enqueue(string type, JsonObject data)
    {
        lock (_gate)
        {
            var id = _nextEventId++;
            _queue.Add((id, type, data));
            return id;
        }
    }

    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    public async Task WaitForAsync(Func<FakeBitrix24, bool> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        var waited = Stopwatch.StartNew();
        while (!condition(this))
        {
            if (waited.Elapsed > limit)
            {
                Assert.Fail($"Waited {limit.TotalSeconds} s for {what}. Messages so far:\n{string.Join("\n---\n", Sent.Select(m => $"{m.DialogId}: {m.Text}"))}");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Waits until <paramref name="dialogId"/> has at least <paramref name="count"/> messages and returns them.</summary>
    public async Task<IReadOnlyList<FakeMessage>> WaitForMessagesAsync(string dialogId, int count, TimeSpan? timeout = null)
    {
        await WaitForAsync(f => f.SentTo(dialogId).Count >= count, $"{count} messages in {dialogId}", timeout);
        return SentTo(dialogId);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(HttpContext http, string method, bool authorised, bool webhookAuth)
    {
        JsonObject parameters;
        try
        {
            parameters = await ReadBodyAsync(http.Request);
        }
        catch (JsonException)
        {
            return Error(400, "INVALID_REQUEST", "The body is not JSON.");
        }

        lock (_gate)
        {
            var at = _clock.Elapsed;
            IResult Answer(int status, IResult result)
            {
                _calls.Add(new FakeCall(method, parameters, status, at, InBatch: false));
                return result;
            }

            if (!authorised)
            {
                return Answer(401, Error(401, "NO_AUTH_FOUND", "Wrong webhook."));
            }

            if (!webhookAuth && parameters["auth"]?.ToString() != _accessToken)
            {
                return Answer(401, Error(401, "expired_token", "The access token provided has expired."));
            }

            if (_failuresLeft > 0 && (_failingMethod is null || _failingMethod == method))
            {
                _failuresLeft--;
                return Answer(503, Error(503, "QUERY_LIMIT_EXCEEDED", "Too many requests"));
            }

            // The leaky bucket: the level drains continuously; a call that would overflow it is refused and not counted.
            _bucketLevel = Math.Max(0, _bucketLevel - ((at - _bucketAt).TotalSeconds * Rate));
            _bucketAt = at;
            if (_bucketLevel + 1 > Burst + 1e-9)
            {
                return Answer(503, Error(503, "QUERY_LIMIT_EXCEEDED", "Too many requests"));
            }

            _bucketLevel += 1;
            var (status, body) = method == "batch" ? Batch(parameters, webhookAuth, at) : Invoke(method, parameters, webhookAuth);
            return Answer(status, Results.Json(body, statusCode: status));
        }
    }

    private IResult RenewToken(HttpContext http)
    {
        var query = http.Request.Query;
        lock (_gate)
        {
            if (query["grant_type"] != "refresh_token" || query["client_id"] != ClientId || query["client_secret"] != ClientSecret
                || query["refresh_token"] != CurrentRefreshToken)
            {
                return Error(400, "invalid_grant", "Invalid refresh token.");
            }

            _tokenVersion++;
            _accessToken = "access-" + _tokenVersion.ToString(CultureInfo.InvariantCulture);
            CurrentRefreshToken = "refresh-" + _tokenVersion.ToString(CultureInfo.InvariantCulture);
            return Results.Json(new JsonObject
            {
                ["access_token"] = _accessToken,
                ["refresh_token"] = CurrentRefreshToken,
                ["expires_in"] = 3600,
                ["client_endpoint"] = PortalUrl,
            });
        }
    }

    private (int Status, JsonObject Body) Batch(JsonObject parameters, bool webhookAuth, TimeSpan at)
    {
        if (parameters["cmd"] is not JsonObject commands || commands.Count > 50)
        {
            return (400, ErrorBody("ERROR_BATCH_LENGTH_EXCEEDED", "Bad cmd."));
        }

        var results = new JsonObject();
        var errors = new JsonObject();
        foreach (var (key, command) in commands)
        {
            var text = command?.ToString() ?? string.Empty;
            var question = text.IndexOf('?', StringComparison.Ordinal);
            var method = question < 0 ? text : text[..question];
            var subParameters = question < 0 ? new JsonObject() : FakeForm.DecodeQuery(text[question..]);
            var (status, body) = Invoke(method, subParameters, webhookAuth);
            _calls.Add(new FakeCall(method, subParameters, status, at, InBatch: true));
            if (body["error"] is not null)
            {
                errors[key] = body.DeepClone();
                if (parameters["halt"]?.ToString() is "1" or "true")
                {
                    break;
                }
            }
            else
            {
                results[key] = body["result"]?.DeepClone();
            }
        }

        return (200, new JsonObject { ["result"] = new JsonObject { ["result"] = results, ["result_error"] = errors } });
    }

    private (int Status, JsonObject Body) Invoke(string method, JsonObject p, bool webhookAuth)
    {
        if (method.StartsWith("imbot.v2.", StringComparison.OrdinalIgnoreCase) && webhookAuth
            && string.IsNullOrEmpty((p["fields"]?["botToken"] ?? p["botToken"])?.ToString()))
        {
            return (400, ErrorBody("BOT_TOKEN_NOT_SPECIFIED", "Bot token is not specified"));
        }

        switch (method)
        {
            case "imbot.v2.Bot.register":
                {
                    var fields = p["fields"] as JsonObject;
                    var code = fields?["code"]?.ToString();
                    if (string.IsNullOrEmpty(code))
                    {
                        return (400, ErrorBody("BOT_CODE_REQUIRED", "Bot code is required"));
                    }

                    if (!_bots.TryGetValue(code, out var bot))
                    {
                        bot = new JsonObject
                        {
                            ["id"] = _nextBotId++,
                            ["code"] = code,
                            ["type"] = fields!["type"]?.ToString() ?? "bot",
                            ["isSupportOpenline"] = Truthy(fields["isSupportOpenline"]),
                            ["eventMode"] = fields["eventMode"]?.ToString() ?? "fetch",
                            ["webhookUrl"] = fields["webhookUrl"]?.ToString(),
                        };
                        _bots[code] = bot;
                    }

                    return Ok(new JsonObject { ["bot"] = bot.DeepClone(), ["users"] = new JsonArray() });
                }

            case "imbot.v2.Bot.update":
                {
                    var bot = FindBot(p);
                    if (bot is null)
                    {
                        return (400, ErrorBody("BOT_NOT_FOUND", "Bot not found"));
                    }

                    bot["eventMode"] = p["fields"]?["eventMode"]?.ToString() ?? bot["eventMode"]?.ToString();
                    bot["webhookUrl"] = p["fields"]?["webhookUrl"]?.ToString();
                    return Ok(new JsonObject { ["bot"] = bot.DeepClone() });
                }

            case "imbot.v2.Command.register":
                {
                    if (FindBot(p) is null)
                    {
                        return (400, ErrorBody("BOT_NOT_FOUND", "Bot not found"));
                    }

                    var command = p["fields"]?["command"]?.ToString();
                    if (string.IsNullOrEmpty(command))
                    {
                        return (400, ErrorBody("COMMAND_REQUIRED", "Command is required"));
                    }

                    _commands.Add(command);
                    return Ok(new JsonObject { ["command"] = new JsonObject { ["id"] = _commands.Count, ["command"] = "/" + command } });
                }

            case "imbot.v2.Event.get":
                {
                    if (FindBot(p) is null)
                    {
                        return (400, ErrorBody("BOT_NOT_FOUND", "Bot not found"));
                    }

                    if (long.TryParse(p["offset"]?.ToString(), out var offset))
                    {
                        ConfirmedOffset = offset;
                        _queue.RemoveAll(e => e.Id < offset);
                    }

                    var limit = int.TryParse(p["limit"]?.ToString(), out var l) ? l : 100;
                    var page = _queue.Take(limit).ToList();
                    var events = new JsonArray(page.Select(e => (JsonNode)new JsonObject
                    {
                        ["eventId"] = e.Id,
                        ["type"] = e.Type,
                        ["date"] = DateTimeOffset.UtcNow.ToString("O"),
                        ["data"] = e.Data.DeepClone(),
                    }).ToArray());
                    var next = page.Count > 0 ? page[^1].Id + 1 : ConfirmedOffset ?? _nextEventId;
                    return Ok(new JsonObject { ["events"] = events, ["nextOffset"] = next, ["hasMore"] = _queue.Count > page.Count });
                }

            case "imbot.v2.Chat.Message.send":
                {
                    if (FindBot(p) is null)
                    {
                        return (400, ErrorBody("BOT_NOT_FOUND", "Bot not found"));
                    }

                    var dialogId = p["dialogId"]?.ToString();
                    var text = p["fields"]?["message"]?.ToString()?.Trim();
                    if (string.IsNullOrEmpty(dialogId))
                    {
                        return (400, ErrorBody("DIALOG_ID_EMPTY", "Dialog id is empty"));
                    }

                    if (string.IsNullOrEmpty(text))
                    {
                        return (400, ErrorBody("MESSAGE_EMPTY", "Message is empty"));
                    }

                    if (_refusedDialogs.Contains(dialogId))
                    {
                        return (403, ErrorBody("ACCESS_DENIED", "Access denied"));
                    }

                    if (text.Length > 20_000)
                    {
                        return (400, ErrorBody("MESSAGE_TOO_LONG", "The fake refuses what the portal would truncate"));
                    }

                    var message = new FakeMessage(_nextMessageId++, dialogId, text, p["fields"]?["keyboard"]?.DeepClone());
                    _messages[message.Id] = message;
                    _sent.Add(message);
                    return Ok(new JsonObject { ["id"] = message.Id, ["uuidMap"] = new JsonArray() });
                }

            case "imbot.v2.Chat.Message.update":
                {
                    if (!long.TryParse(p["messageId"]?.ToString(), out var id) || !_messages.TryGetValue(id, out var message))
                    {
                        return (400, ErrorBody("MESSAGE_NOT_FOUND", "Message not found"));
                    }

                    var keyboard = p["fields"]?["keyboard"];
                    _messages[id] = message with
                    {
                        Text = p["fields"]?["message"]?.ToString() ?? message.Text,
                        Keyboard = keyboard?.ToString() is "N" or "" ? null : keyboard?.DeepClone() ?? message.Keyboard,
                    };
                    return Ok(true);
                }

            case "imopenlines.bot.session.operator":
                return string.IsNullOrEmpty(p["CHAT_ID"]?.ToString()) ? (400, ErrorBody("CHAT_ID_EMPTY", "Chat id is empty")) : Ok(true);

            case "imopenlines.bot.session.transfer":
                if (string.IsNullOrEmpty(p["CHAT_ID"]?.ToString()))
                {
                    return (400, ErrorBody("CHAT_ID_EMPTY", "Chat id is empty"));
                }

                return webhookAuth && string.IsNullOrEmpty(p["CLIENT_ID"]?.ToString()) ? (400, ErrorBody("BOT_ID_ERROR", "No CLIENT_ID")) : Ok(true);

            default:
                return (400, ErrorBody("ERROR_METHOD_NOT_FOUND", "Method not found"));
        }
    }

    private JsonObject? FindBot(JsonObject p)
    {
        var id = p["botId"]?.ToString();
        return _bots.Values.FirstOrDefault(b => b["id"]?.ToString() == id);
    }

    private static bool Truthy(JsonNode? node) => node?.ToString() is "true" or "1" or "Y";

    private static (int, JsonObject) Ok(JsonNode? result) => (200, new JsonObject { ["result"] = result });

    private static JsonObject ErrorBody(string code, string description) => new() { ["error"] = code, ["error_description"] = description };

    private static IResult Error(int status, string code, string description) => Results.Json(ErrorBody(code, description), statusCode: status);

    private static async Task<JsonObject> ReadBodyAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            return FakeForm.Decode(form.Select(f => new KeyValuePair<string, string>(f.Key, f.Value.ToString())));
        }

        return await JsonSerializer.DeserializeAsync<JsonObject>(request.Body) ?? [];
    }
}
