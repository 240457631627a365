using System.Globalization;
using System.Text;
using BlockBot.Channels.WebChat.Inbound;
using BlockBot.Channels.WebChat.Tokens;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BlockBot.Channels.WebChat.DirectLine;

/// <summary>
/// The REST half of Direct Line 3.0 as <c>botframework-directlinejs</c> calls it. A site secret (401 when wrong)
/// generates a token; a token grants one conversation, and any request for another conversation, or with an expired
/// or forged token, is answered 403 with nothing of the conversation in it.
/// </summary>
public sealed class DirectLineApi(
    WebChatTokens tokens,
    IWebChatStore store,
    WebChatAdapter adapter,
    TimeProvider time,
    ILogger<DirectLineApi> logger)
{
    /// <summary>A Web Chat message is a few hundred bytes; a body larger than this is refused before it is read.</summary>
    public const int MaxActivityBytes = 64 * 1024;

    /// <summary>At most this many activities answer one GET; the client asks again from the watermark returned.</summary>
    public const int MaxActivitiesPerRead = 100;

    public IResult Generate(HttpRequest request)
    {
        if (!tokens.IsSiteSecret(DirectLineAuth.Bearer(request)))
        {
            logger.LogWarning("A Direct Line token was asked for from {RemoteIp} with a wrong or no site secret", request.HttpContext.Connection.RemoteIpAddress);
            return Results.Unauthorized();
        }

        return Results.Ok(Conversation(WebChatTokens.NewConversationId()));
    }

    public IResult Refresh(HttpRequest request) =>
        tokens.Validate(DirectLineAuth.Bearer(request), WebChatTokenKind.DirectLine) is { } token
            ? Results.Ok(Conversation(token.ConversationId))
            : Results.StatusCode(StatusCodes.Status403Forbidden);

    /// <summary>Starts the conversation of the token (or a new one, with a site secret) and greets; resumes it when it exists.</summary>
    public async Task<IResult> StartAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var bearer = DirectLineAuth.Bearer(request);
        string conversationId;
        if (tokens.IsSiteSecret(bearer))
        {
            conversationId = WebChatTokens.NewConversationId();
        }
        else if (tokens.Validate(bearer, WebChatTokenKind.DirectLine) is { } token)
        {
            conversationId = token.ConversationId;
        }
        else
        {
            return bearer is null ? Results.Unauthorized() : Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        JObject? body;
        try
        {
            body = await ReadJsonAsync(request, cancellationToken);
        }
        catch (BadHttpRequestException e)
        {
            return Results.StatusCode(e.StatusCode);
        }

        if (!await store.StartAsync(conversationId, cancellationToken))
        {
            return Results.Ok(Conversation(conversationId, request, watermark: null));
        }

        var locale = WebChatActivityMapper.Locale(body?["locale"]);
        await adapter.StartConversationAsync(WebChatActivityMapper.ToConversationStart(conversationId, locale, time.GetUtcNow()), cancellationToken);
        logger.LogInformation("Web conversation {ConversationId} started", conversationId);
        return Results.Json(Conversation(conversationId, request, watermark: null), statusCode: StatusCodes.Status201Created);
    }

    /// <summary>Reconnect: a fresh stream URL from the client's watermark on.</summary>
    public async Task<IResult> ResumeAsync(HttpRequest request, string conversationId, string? watermark, CancellationToken cancellationToken)
    {
        if (await RefusedAsync(request, conversationId, cancellationToken) is { } refused)
        {
            return refused;
        }

        return Results.Ok(Conversation(conversationId, request, Watermark(watermark)));
    }

    public async Task<IResult> GetActivitiesAsync(HttpRequest request, string conversationId, string? watermark, CancellationToken cancellationToken)
    {
        if (await RefusedAsync(request, conversationId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var after = Watermark(watermark) ?? 0;
        var activities = await store.ReadAfterAsync(conversationId, after, MaxActivitiesPerRead, cancellationToken);
        var set = WebChatJson.ActivitySet(activities, activities.Count > 0 ? activities[^1].Sequence : after);
        return Results.Text(set, "application/json", Encoding.UTF8);
    }

    public async Task<IResult> PostActivityAsync(HttpRequest request, string conversationId, CancellationToken cancellationToken)
    {
        if (await RefusedAsync(request, conversationId, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (request.ContentLength > MaxActivityBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        JObject? posted;
        try
        {
            posted = await ReadJsonAsync(request, cancellationToken);
        }
        catch (BadHttpRequestException e)
        {
            return Results.StatusCode(e.StatusCode);
        }

        if (posted is null)
        {
            return Results.BadRequest();
        }

        var activity = WebChatActivityMapper.ToActivity(posted, conversationId, time.GetUtcNow());
        if (activity is null)
        {
            // Typing and events from the page: accepted, nothing for the bot to answer.
            return Results.Ok(new { id = Guid.NewGuid().ToString("N") });
        }

        await adapter.ProcessActivityAsync(activity, cancellationToken);
        return Results.Ok(new { id = activity.Id });
    }

    /// <summary>403 unless the bearer is a live token of this conversation; 404 when the conversation was never started.</summary>
    private async Task<IResult?> RefusedAsync(HttpRequest request, string conversationId, CancellationToken cancellationToken)
    {
        if (DirectLineAuth.Bearer(request) is null)
        {
            return Results.Unauthorized();
        }

        if (!DirectLineAuth.Grants(tokens, request, conversationId))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        return await store.ExistsAsync(conversationId, cancellationToken) ? null : Results.NotFound();
    }

    private DirectLineConversation Conversation(string conversationId) =>
        new(conversationId, tokens.Issue(conversationId), (int)tokens.Lifetime.TotalSeconds);

    private DirectLineConversation Conversation(string conversationId, HttpRequest request, long? watermark) =>
        Conversation(conversationId) with { StreamUrl = StreamUrl(request, conversationId, watermark) };

    /// <summary>The WebSocket URL on the host the client called, carrying a one-minute ticket (a browser cannot send headers there).</summary>
    private string StreamUrl(HttpRequest request, string conversationId, long? watermark)
    {
        var scheme = request.IsHttps || string.Equals(request.Headers["X-Forwarded-Proto"], "https", StringComparison.OrdinalIgnoreCase) ? "wss" : "ws";
        var query = $"?t={Uri.EscapeDataString(tokens.Issue(conversationId, WebChatTokenKind.Stream))}"
                    + (watermark is { } w ? "&watermark=" + w.ToString(CultureInfo.InvariantCulture) : string.Empty);
        return $"{scheme}://{request.Host}{request.PathBase}{DirectLineEndpoints.Prefix}/conversations/{Uri.EscapeDataString(conversationId)}/stream{query}";
    }

    /// <summary>A watermark the client sent; missing, empty or not ours reads as "from the start".</summary>
    public static long? Watermark(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var watermark) ? watermark : null;

    private static async Task<JObject?> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxActivityBytes;
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var json = new JsonTextReader(new StringReader(text)) { MaxDepth = 32, DateParseHandling = DateParseHandling.None };
            return JToken.ReadFrom(json) as JObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
