using BlockBot.Channels.WebChat.Streaming;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BlockBot.Channels.WebChat.DirectLine;

/// <summary>The routes of Direct Line 3.0 the bot serves, each with the web chat's CORS policy.</summary>
public static class DirectLineEndpoints
{
    public const string Prefix = "/v3/directline";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix)
            .RequireCors(WebChatServiceCollectionExtensions.CorsPolicy);
        api.MapPost("/tokens/generate", (HttpRequest request, DirectLineApi directLine) => directLine.Generate(request));
        api.MapPost("/tokens/refresh", (HttpRequest request, DirectLineApi directLine) => directLine.Refresh(request));
        api.MapPost("/conversations", (HttpRequest request, DirectLineApi directLine, CancellationToken cancellationToken) =>
            directLine.StartAsync(request, cancellationToken));
        api.MapGet("/conversations/{conversationId}", (HttpRequest request, string conversationId, string? watermark, DirectLineApi directLine, CancellationToken cancellationToken) =>
            directLine.ResumeAsync(request, conversationId, watermark, cancellationToken));
        api.MapGet("/conversations/{conversationId}/activities", (HttpRequest request, string conversationId, string? watermark, DirectLineApi directLine, CancellationToken cancellationToken) =>
            directLine.GetActivitiesAsync(request, conversationId, watermark, cancellationToken));
        api.MapPost("/conversations/{conversationId}/activities", (HttpRequest request, string conversationId, DirectLineApi directLine, CancellationToken cancellationToken) =>
            directLine.PostActivityAsync(request, conversationId, cancellationToken));
        api.Map("/conversations/{conversationId}/stream", (HttpContext http, string conversationId, WebChatStream stream) =>
            stream.HandleAsync(http, conversationId));
    }
}
