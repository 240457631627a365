using System.Net;
using System.Text.RegularExpressions;

namespace BlockBot.Tests.Desk;

/// <summary>A desk session over plain HTTP (no browser): its own cookies, no automatic redirects.</summary>
public sealed partial class DeskHttpSession : IDisposable
{
    private readonly HttpClient _http;

    public DeskHttpSession(string baseUrl, bool acceptAnyCertificate = false)
    {
        var handler = new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false };
        if (acceptAnyCertificate)
        {
            handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;
        }

        _http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
    }

    public CookieContainer Cookies { get; } = new();

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    /// <summary>The antiforgery token of the form on <paramref name="path"/> (its cookie is kept).</summary>
    public async Task<string> FormTokenAsync(string path)
    {
        var html = await _http.GetStringAsync(path);
        return TokenField().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException($"No antiforgery token on {path}");
    }

    public Task<HttpResponseMessage> PostAsync(string path, IReadOnlyDictionary<string, string> form) =>
        _http.PostAsync(path, new FormUrlEncodedContent(form));

    /// <returns>The sign-in response (a redirect to the queue when it worked).</returns>
    public async Task<HttpResponseMessage> SignInAsync(string name, string password)
    {
        var token = await FormTokenAsync("/desk/signin");
        return await PostAsync("/desk/signin", new Dictionary<string, string>
        {
            ["Name"] = name,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        });
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
