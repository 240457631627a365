using BlockBot.Channels.WebChat.Tokens;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace BlockBot.Channels.WebChat.DirectLine;

/// <summary>Reads the bearer of a Direct Line request: a site secret, or a token of one conversation.</summary>
public static class DirectLineAuth
{
    public static string? Bearer(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        const string Scheme = "Bearer ";
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : null;
    }

    /// <summary>Whether the bearer is a live Direct Line token of <paramref name="conversationId"/>.</summary>
    public static bool Grants(WebChatTokens tokens, HttpRequest request, string conversationId) =>
        tokens.Validate(Bearer(request), WebChatTokenKind.DirectLine) is { } token
        && string.Equals(token.ConversationId, conversationId, StringComparison.Ordinal);
}
