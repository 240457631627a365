using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace BlockBot.Channels.WebChat.Tokens;

/// <summary>
/// Issues and verifies the web chat's tokens: <c>payload.signature</c>, both base64url, the payload a small JSON object
/// (conversation, kind, issued, expires) and the signature its HMAC-SHA256 under a key derived from a site secret
/// (ADR 0013). Nothing is stored: any instance that has the secrets verifies a token any other issued. The first secret
/// signs; every configured secret verifies.
/// </summary>
public sealed class WebChatTokens
{
    /// <summary>How long a stream URL may wait before the client opens it.</summary>
    public static readonly TimeSpan StreamTicketLifetime = TimeSpan.FromMinutes(1);

    private static readonly byte[] KeyPurpose = Encoding.UTF8.GetBytes("BlockBot.WebChat.Token.v1");

    private readonly byte[][] _keys;
    private readonly TimeProvider _time;
    private readonly WebChatOptions _options;

    public WebChatTokens(IOptions<WebChatOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _keys = [.. _options.Secrets.Select(s => HMACSHA256.HashData(Encoding.UTF8.GetBytes(s), KeyPurpose))];
    }

    public TimeSpan Lifetime => _options.TokenLifetime;

    /// <summary>A new conversation's id: 128 random bits, base64url.</summary>
    public static string NewConversationId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    public string Issue(string conversationId, WebChatTokenKind kind = WebChatTokenKind.DirectLine)
    {
        var now = _time.GetUtcNow();
        var lifetime = kind == WebChatTokenKind.Stream ? StreamTicketLifetime : _options.TokenLifetime;
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Payload(conversationId, kind, now.ToUnixTimeSeconds(), (now + lifetime).ToUnixTimeSeconds()));
        var encoded = Base64Url.EncodeToString(payload);
        return encoded + "." + Base64Url.EncodeToString(HMACSHA256.HashData(_keys[0], Encoding.ASCII.GetBytes(encoded)));
    }

    /// <summary>The token's claims when one of the secrets signed it and it is of <paramref name="kind"/>; expiry is the caller's to judge.</summary>
    public WebChatToken? Read(string? token, WebChatTokenKind kind)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1024)
        {
            return null;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !Base64Url.IsValid(token.AsSpan(dot + 1)) || !Base64Url.IsValid(token.AsSpan(0, dot)))
        {
            return null;
        }

        var signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        var signed = Encoding.ASCII.GetBytes(token[..dot]);
        if (!_keys.Any(key => CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, signed), signature)))
        {
            return null;
        }

        try
        {
            var payload = JsonSerializer.Deserialize<Payload>(Base64Url.DecodeFromChars(token.AsSpan(0, dot)));
            return payload is null || payload.K != kind || string.IsNullOrEmpty(payload.C)
                ? null
                : new WebChatToken(payload.C, payload.K, DateTimeOffset.FromUnixTimeSeconds(payload.Iat), DateTimeOffset.FromUnixTimeSeconds(payload.Exp));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A token of <paramref name="kind"/> that has not expired, or null.</summary>
    public WebChatToken? Validate(string? token, WebChatTokenKind kind) =>
        Read(token, kind) is { } read && read.ExpiresAt > _time.GetUtcNow() ? read : null;

    /// <summary>Whether <paramref name="value"/> is one of the site secrets (compared in constant time).</summary>
    public bool IsSiteSecret(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var given = Encoding.UTF8.GetBytes(value);
        var found = false;
        foreach (var secret in _options.Secrets)
        {
            found |= CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(secret));
        }

        return found;
    }

    private sealed record Payload(string C, WebChatTokenKind K, long Iat, long Exp);
}
