using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace BlockBot.Tests.Channels.WebChat;

/// <summary>A Direct Line 3.0 client over plain HttpClient and ClientWebSocket, as botframework-directlinejs calls the API.</summary>
public sealed class DirectLineTestClient(Uri baseAddress) : IDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly HttpClient _http = new() { BaseAddress = new Uri(baseAddress, "v3/directline/"), Timeout = Wait };

    public HttpClient Http => _http;

    public string? Token { get; set; }

    public string? ConversationId { get; set; }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? bearer, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (body is not null)
        {
            request.Content = body as HttpContent ?? JsonContent.Create(body);
        }

        return _http.SendAsync(request);
    }

    /// <summary>Generates a token with the secret and starts its conversation; returns the start response (with streamUrl).</summary>
    public async Task<JsonObject> StartAsync(string secret, string locale = "en-US")
    {
        var generated = await ReadAsync(await SendAsync(HttpMethod.Post, "tokens/generate", secret));
        Token = (string)generated["token"]!;
        var started = await ReadAsync(await SendAsync(HttpMethod.Post, "conversations", Token, new { locale }));
        ConversationId = (string)started["conversationId"]!;
        Token = (string)started["token"]!;
        return started;
    }

    /// <summary>Posts a customer's message the way Web Chat does, with its client activity id.</summary>
    public async Task<string> SayAsync(string text, string? clientActivityId = null)
    {
        var response = await SendAsync(HttpMethod.Post, $"conversations/{ConversationId}/activities", Token, new
        {
            type = "message",
            text,
            locale = "en-US",
            from = new { id = "someone-else", role = "user" },
            channelData = new { clientActivityID = clientActivityId ?? Guid.NewGuid().ToString("N") },
        });
        return (string)(await ReadAsync(response))["id"]!;
    }

    public async Task<(JsonArray Activities, string Watermark)> GetActivitiesAsync(string? watermark = null)
    {
        var set = await ReadAsync(await SendAsync(HttpMethod.Get, $"conversations/{ConversationId}/activities?watermark={watermark}", Token));
        return ((JsonArray)set["activities"]!, (string)set["watermark"]!);
    }

    /// <summary>The reconnect call: a fresh stream URL from <paramref name="watermark"/>.</summary>
    public async Task<string> StreamUrlAsync(string? watermark)
    {
        var resumed = await ReadAsync(await SendAsync(HttpMethod.Get, $"conversations/{ConversationId}?watermark={watermark}", Token));
        return (string)resumed["streamUrl"]!;
    }

    public static async Task<ClientWebSocket> ConnectAsync(string streamUrl)
    {
        var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(Wait);
        await socket.ConnectAsync(new Uri(streamUrl), timeout.Token);
        return socket;
    }

    /// <summary>The next activity set the stream sends.</summary>
    public static async Task<(JsonArray Activities, string Watermark)> ReceiveAsync(WebSocket socket, TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? Wait);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, timeout.Token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException("The stream closed.");
            }

            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage && message.Length > 0)
            {
                var set = JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()))!.AsObject();
                return ((JsonArray)set["activities"]!, (string)set["watermark"]!);
            }
        }
    }

    /// <summary>Receives activity sets until one activity's text satisfies <paramref name="wanted"/>; returns every activity received.</summary>
    public static async Task<List<JsonObject>> ReceiveUntilAsync(WebSocket socket, Func<JsonObject, bool> wanted, TimeSpan? wait = null)
    {
        var all = new List<JsonObject>();
        var deadline = DateTime.UtcNow + (wait ?? Wait);
        while (!all.Any(wanted))
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException("The stream did not send the activity waited for; it sent: " + string.Join(" | ", all.Select(Text)));
            }

            var (activities, _) = await ReceiveAsync(socket, left);
            all.AddRange(activities.Select(a => a!.AsObject()));
        }

        return all;
    }

    public static string Text(JsonObject activity) => (string?)activity["text"] ?? string.Empty;

    public static bool FromBot(JsonObject activity) => (string?)activity["from"]?["role"] == "bot";

    public static async Task<JsonObject> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public void Dispose() => _http.Dispose();
}
