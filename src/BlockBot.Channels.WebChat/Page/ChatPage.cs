using System.Net;
using System.Reflection;
using System.Text;
using BlockBot.Channels.WebChat.DirectLine;
using BlockBot.Channels.WebChat.Tokens;
using BlockBot.Conversation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Newtonsoft.Json.Linq;

namespace BlockBot.Channels.WebChat.Page;

/// <summary>
/// The page <c>/chat</c>: Microsoft's Web Chat (the npm package's bundle, embedded at build time) talking to the
/// bot's own Direct Line, in Russian or English (<c>?lang=</c>). <c>/chat/token</c> is the page's token server: it
/// starts a conversation, or, given a token the page kept from an earlier visit (its signature checked, issued within
/// <see cref="WebChatOptions.ResumeWindow"/>), hands out a fresh token for the same conversation. Only the allowed
/// origins may frame the page.
/// </summary>
public sealed class ChatPage(WebChatTokens tokens, IWebChatStore store, TimeProvider time, IOptions<WebChatOptions> options, IOptions<ConversationOptions> conversation)
{
    public const string Path = "/chat";

    private static readonly Lazy<string> Html = new(() => Encoding.UTF8.GetString(Resource("BlockBot.Channels.WebChat.chat.html")));
    private static readonly Lazy<byte[]> Bundle = new(() => Resource("BlockBot.Channels.WebChat.webchat.js"));

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (HttpContext http, ChatPage page) => page.Serve(http));
        endpoints.MapGet(Path + "/webchat.js", (HttpContext http) =>
        {
            http.Response.Headers[HeaderNames.CacheControl] = "public, max-age=3600";
            http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            return Results.Bytes(Bundle.Value, "text/javascript; charset=utf-8");
        });
        endpoints.MapPost(Path + "/token", (HttpRequest request, ChatPage page, CancellationToken cancellationToken) => page.TokenAsync(request, cancellationToken));
    }

    private IResult Serve(HttpContext http)
    {
        var language = http.Request.Query["lang"].ToString().ToLowerInvariant() switch
        {
            "ru" => "ru",
            "en" => "en",
            _ => Languages.FromLocale(conversation.Value.DefaultLanguage, "ru") == "en" ? "en" : "ru",
        };
        var headers = http.Response.Headers;
        headers[HeaderNames.ContentSecurityPolicy] = "frame-ancestors " + string.Join(' ', ["'self'", .. options.Value.AllowedOrigins.Select(o => o.TrimEnd('/'))]);
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers[HeaderNames.CacheControl] = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        var html = Html.Value
            .Replace("{{lang}}", language, StringComparison.Ordinal)
            .Replace("{{locale}}", language == "en" ? "en-US" : "ru-RU", StringComparison.Ordinal)
            .Replace("{{title}}", WebUtility.HtmlEncode(options.Value.Title), StringComparison.Ordinal);
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private async Task<IResult> TokenAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > 4096)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        string? kept = null;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            var text = await reader.ReadToEndAsync(cancellationToken);
            try
            {
                var body = text.Length is > 0 and <= 4096 ? JToken.Parse(text) as JObject : null;
                kept = body?["token"] is { Type: JTokenType.String } token ? (string?)token : null;
            }
            catch (Newtonsoft.Json.JsonException)
            {
                kept = null;
            }
        }

        var conversationId = tokens.Read(kept, WebChatTokenKind.DirectLine) is { } previous
                             && previous.IssuedAt + options.Value.ResumeWindow > time.GetUtcNow()
                             && await store.ExistsAsync(previous.ConversationId, cancellationToken)
            ? previous.ConversationId
            : WebChatTokens.NewConversationId();
        request.HttpContext.Response.Headers[HeaderNames.CacheControl] = "no-store";
        return Results.Ok(new DirectLineConversation(conversationId, tokens.Issue(conversationId), (int)tokens.Lifetime.TotalSeconds));
    }

    private static byte[] Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
                           ?? throw new InvalidOperationException($"The web chat page's resource {name} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
