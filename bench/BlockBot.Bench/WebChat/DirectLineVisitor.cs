using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace BlockBot.Bench.WebChat;

/// <summary>
/// One visitor's browser as the <c>/chat</c> page drives it, over real HTTP and a WebSocket: the page's token from
/// <c>/chat/token</c>, the conversation started with it (<c>POST /v3/directline/conversations</c>, the locale as Web Chat
/// sends it), the stream opened at once, messages posted as Web Chat posts them. The bot's messages that arrive on the
/// stream are queued on <see cref="Replies"/>, stamped on arrival. A stream that closes or breaks is opened again from
/// the last watermark (<c>GET conversations/{id}?watermark=</c>), as <c>botframework-directlinejs</c> does.
/// </summary>
public sealed class DirectLineVisitor : IAsyncDisposable
{
    private const string Locale = "ru-RU";

    private readonly HttpClient _http;
    private readonly WebChatBenchErrors _errors;
    private readonly Channel<BotReply> _replies = Channel.CreateUnbounded<BotReply>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop = new();
    private string _token = string.Empty;
    private string _watermark = string.Empty;
    private Task _reading = Task.CompletedTask;

    private DirectLineVisitor(HttpClient http, WebChatBenchErrors errors)
    {
        _http = http;
        _errors = errors;
    }

    public string ConversationId { get; private set; } = string.Empty;

    public ChannelReader<BotReply> Replies => _replies.Reader;

    /// <summary>Opens the page's conversation and its stream; the greeting arrives on <see cref="Replies"/>.</summary>
    public static async Task<DirectLineVisitor> OpenAsync(HttpClient http, WebChatBenchErrors errors, CancellationToken cancellationToken)
    {
        var visitor = new DirectLineVisitor(http, errors);
        try
        {
            var page = await visitor.SendAsync(HttpMethod.Post, "chat/token", bearer: null, new { token = (string?)null }, cancellationToken);
            var started = await visitor.SendAsync(HttpMethod.Post, "v3/directline/conversations", (string)page["token"]!, new { locale = Locale }, cancellationToken);
            visitor.ConversationId = (string)started["conversationId"]!;
            visitor._token = (string)started["token"]!;
            var socket = await ConnectAsync((string)started["streamUrl"]!, cancellationToken);
            visitor._reading = visitor.ReadAsync(socket, visitor._stop.Token);
            return visitor;
        }
        catch
        {
            await visitor.DisposeAsync();
            throw;
        }
    }

    /// <summary>Posts a typed message; returns when the bot has taken it (its turn is saved, the replies are on their way).</summary>
    public Task PostAsync(string text, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"v3/directline/conversations/{Uri.EscapeDataString(ConversationId)}/activities", _token, new
        {
            type = "message",
            text,
            textFormat = "plain",
            locale = Locale,
            from = new { id = ConversationId, role = "user" },
            channelData = new { clientActivityID = Guid.NewGuid().ToString("N") },
        }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading;
        _stop.Dispose();
    }

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, string? bearer, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"{method} {path.Split('/')[^1]} answered {(int)response.StatusCode}", null, response.StatusCode);
            }

            return JsonNode.Parse(text)?.AsObject() ?? [];
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            _errors.Request();
            throw;
        }
    }

    private static async Task<ClientWebSocket> ConnectAsync(string streamUrl, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(new Uri(streamUrl), cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Reads activity sets until the visit ends, reconnecting from the watermark when the stream goes away under it.</summary>
    private async Task ReadAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    var received = await socket.ReceiveAsync(buffer, cancellationToken);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        throw new WebSocketException("The stream was closed by the bot.");
                    }

                    message.Write(buffer, 0, received.Count);
                    if (received.EndOfMessage)
                    {
                        Receive(message.ToArray());
                        message.SetLength(0);
                    }
                }
                catch (WebSocketException) when (!cancellationToken.IsCancellationRequested)
                {
                    _errors.Reconnect();
                    socket.Dispose();
                    message.SetLength(0);
                    var resumed = await SendAsync(HttpMethod.Get, $"v3/directline/conversations/{Uri.EscapeDataString(ConversationId)}?watermark={_watermark}", _token, null, cancellationToken);
                    socket = await ConnectAsync((string)resumed["streamUrl"]!, cancellationToken);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or HttpRequestException)
        {
            // The visit is over, or the bot is gone: the customer waiting for a reply times out and says so.
        }
        finally
        {
            _replies.Writer.TryComplete();
            if (socket.State == WebSocketState.Open)
            {
                using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, closing.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            socket.Dispose();
        }
    }

    private void Receive(byte[] utf8)
    {
        var arrived = TimeProvider.System.GetTimestamp();
        if (utf8.Length == 0 || JsonNode.Parse(utf8) is not JsonObject set)
        {
            return;
        }

        _watermark = (string?)set["watermark"] ?? _watermark;
        foreach (var activity in set["activities"]?.AsArray() ?? [])
        {
            if (activity is JsonObject { } one && (string?)one["type"] == "message" && (string?)one["from"]?["role"] == "bot")
            {
                _replies.Writer.TryWrite(new BotReply((string?)one["text"] ?? string.Empty, arrived));
            }
        }
    }
}
