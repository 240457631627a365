using System.Threading.RateLimiting;
using BlockBot.Channels.WebChat.DirectLine;
using BlockBot.Channels.WebChat.Page;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Builder;

namespace BlockBot.Channels.WebChat;

/// <summary>
/// ASP.NET Core's rate limiter on the web chat's paths (Direct Line and <c>/chat</c>): a fixed window a minute per
/// client address and, chained after it, per token (the bearer, or the stream URL's ticket). Over either limit a
/// request is answered 429 at once. Other paths (webhooks, health) are not limited here.
/// </summary>
public static class WebChatRateLimits
{
    public static IServiceCollection AddWebChatRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<WebChatOptions>>((limiter, webChat) =>
        {
            var options = webChat.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            var perAddress = PartitionedRateLimiter.Create<HttpContext, string>(http => IsWebChat(http.Request)
                ? PerMinute("a:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), options.RequestsPerMinutePerAddress)
                : RateLimitPartition.GetNoLimiter(string.Empty));
            var perToken = PartitionedRateLimiter.Create<HttpContext, string>(http => IsWebChat(http.Request) && TokenOf(http) is { } token
                ? PerMinute("t:" + token, options.RequestsPerMinutePerToken)
                : RateLimitPartition.GetNoLimiter(string.Empty));
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(perAddress, perToken);
        });
        return services;
    }

    private static bool IsWebChat(HttpRequest request) =>
        request.Path.StartsWithSegments(DirectLineEndpoints.Prefix, StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments(ChatPage.Path, StringComparison.OrdinalIgnoreCase);

    private static RateLimitPartition<string> PerMinute(string key, int limit) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    private static string? TokenOf(HttpContext http) =>
        DirectLineAuth.Bearer(http.Request) is { Length: > 0 } bearer ? bearer
        : http.Request.Query["t"].ToString() is { Length: > 0 } ticket ? ticket
        : null;
}
