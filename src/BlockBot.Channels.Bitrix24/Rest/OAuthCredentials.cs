using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlockBot.Channels.Bitrix24.Rest;

/// <summary>
/// An OAuth app: an access token (about an hour) renewed with the refresh token a minute before it runs out, and
/// at once when the portal answers <c>expired_token</c>. Bitrix24 issues a new refresh token with every renewal;
/// the latest is kept in the database so a restart does not fall back to the configured, spent one.
/// </summary>
public sealed class OAuthCredentials(
    HttpClient http,
    IBitrix24Store store,
    IOptions<Bitrix24Options> options,
    TimeProvider time,
    ILogger<OAuthCredentials> logger) : IBitrix24Credentials, IDisposable
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _endpoint = options.Value.PortalUrl!.TrimEnd('/') + "/";
    private string? _accessToken;
    private DateTimeOffset _expiresAt;

    public async Task<Uri> PrepareAsync(string method, JsonObject parameters, CancellationToken cancellationToken)
    {
        parameters["auth"] = await AccessTokenAsync(cancellationToken);
        return new Uri(_endpoint + method);
    }

    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        await RenewAsync(force: true, cancellationToken);
        return true;
    }

    public void Dispose() => _gate.Dispose();

    private async Task<string> AccessTokenAsync(CancellationToken cancellationToken)
    {
        if (_accessToken is { } token && time.GetUtcNow() < _expiresAt - Margin)
        {
            return token;
        }

        return await RenewAsync(force: false, cancellationToken);
    }

    private async Task<string> RenewAsync(bool force, CancellationToken cancellationToken)
    {
        var seen = _accessToken;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Another caller renewed while this one waited.
            if (_accessToken is { } current && current != seen)
            {
                return current;
            }

            if (!force && _accessToken is { } valid && time.GetUtcNow() < _expiresAt - Margin)
            {
                return valid;
            }

            var refreshToken = await store.GetAsync(IBitrix24Store.RefreshTokenName, cancellationToken) ?? options.Value.RefreshToken!;
            var query = $"?grant_type=refresh_token&client_id={Uri.EscapeDataString(options.Value.ClientId!)}" +
                        $"&client_secret={Uri.EscapeDataString(options.Value.ClientSecret!)}&refresh_token={Uri.EscapeDataString(refreshToken)}";
            using var response = await http.GetAsync(new Uri(options.Value.OAuthTokenUrl + query), cancellationToken);
            var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
            var access = body?["access_token"]?.GetValue<string>();
            if (!response.IsSuccessStatusCode || string.IsNullOrEmpty(access))
            {
                var error = body?["error"]?.ToString() ?? "no access_token";
                logger.LogError("Renewing the Bitrix24 OAuth token failed: HTTP {Status} {Error}", (int)response.StatusCode, error);
                throw new Bitrix24Exception("oauth/token", (int)response.StatusCode, error, body?["error_description"]?.ToString());
            }

            if (body?["refresh_token"]?.GetValue<string>() is { Length: > 0 } renewed)
            {
                await store.SetAsync(IBitrix24Store.RefreshTokenName, renewed, cancellationToken);
            }

            var lifetime = int.TryParse(body?["expires_in"]?.ToString(), out var seconds) ? seconds : 3600;
            _accessToken = access;
            _expiresAt = time.GetUtcNow() + TimeSpan.FromSeconds(lifetime);
            logger.LogInformation("Renewed the Bitrix24 OAuth access token; it lasts {Seconds} s", lifetime);
            return access;
        }
        finally
        {
            _gate.Release();
        }
    }
}
