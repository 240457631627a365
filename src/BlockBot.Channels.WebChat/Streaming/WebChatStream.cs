using System.Net.WebSockets;
using System.Text;
using BlockBot.Channels.WebChat.DirectLine;
using BlockBot.Channels.WebChat.Tokens;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace BlockBot.Channels.WebChat.Streaming;

/// <summary>
/// Direct Line's stream: a WebSocket that carries activity sets (<c>{"activities":[…],"watermark":"N"}</c>) of one
/// conversation, everything stored after the URL's watermark and then each new activity once. Nothing is kept per
/// socket but the watermark sent last, so a client that reconnects from its watermark gets exactly what it missed. The
/// socket is woken by this process's turns and, for turns of other instances, reads the store every
/// <see cref="PollInterval"/>.
/// </summary>
public sealed class WebChatStream(
    WebChatTokens tokens,
    IWebChatStore store,
    WebChatSignals signals,
    IOptions<WebChatOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<WebChatStream> logger)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public async Task HandleAsync(HttpContext http, string conversationId)
    {
        var ticket = tokens.Validate(http.Request.Query["t"], WebChatTokenKind.Stream)
                     ?? tokens.Validate(DirectLineAuth.Bearer(http.Request), WebChatTokenKind.DirectLine);
        if (ticket is null || !string.Equals(ticket.ConversationId, conversationId, StringComparison.Ordinal))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        if (!OriginAllowed(http.Request))
        {
            logger.LogWarning("A web chat stream was opened from a page of another origin; refused");
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (!await store.ExistsAsync(conversationId, http.RequestAborted))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var closed = DrainAsync(socket, stop.Token);
        var watermark = DirectLineApi.Watermark(http.Request.Query["watermark"]) ?? 0;
        try
        {
            while (socket.State == WebSocketState.Open && !closed.IsCompleted)
            {
                var woken = signals.Next(conversationId);
                var activities = await store.ReadAfterAsync(conversationId, watermark, DirectLineApi.MaxActivitiesPerRead, stop.Token);
                if (activities.Count > 0)
                {
                    watermark = activities[^1].Sequence;
                    var set = Encoding.UTF8.GetBytes(WebChatJson.ActivitySet(activities, watermark));
                    await socket.SendAsync(set, WebSocketMessageType.Text, endOfMessage: true, stop.Token);
                    continue;
                }

                await Task.WhenAny(woken, closed, Task.Delay(PollInterval, stop.Token));
            }

            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The page went away or the bot is stopping; the client reconnects from its watermark.
        }
        finally
        {
            signals.Release(conversationId);
        }
    }

    /// <summary>Reads what the client sends (Direct Line's empty keep-alive messages) until it closes.</summary>
    private static async Task DrainAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, cancellationToken);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Closed either way.
        }
    }

    /// <summary>A browser names the page's origin: the bot's own host, or one of the allowed origins. Other clients send none.</summary>
    private bool OriginAllowed(HttpRequest request)
    {
        var origin = request.Headers[HeaderNames.Origin].ToString();
        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }

        if (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return options.Value.AllowedOrigins.Any(o => string.Equals(o.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase));
    }
}
