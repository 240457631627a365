using Microsoft.AspNetCore.Http;

namespace BlockBot.Desk.Text;

/// <summary>The desk's language for a request: the switch's cookie, else the browser's first of Russian or English, else English.</summary>
public static class DeskLanguage
{
    public const string Russian = "ru";
    public const string English = "en";
    public const string CookieName = "blockbot-desk-lang";

    public static string Of(HttpContext context)
    {
        if (context.Request.Cookies.TryGetValue(CookieName, out var chosen) && Normalize(chosen) is { } fromCookie)
        {
            return fromCookie;
        }

        var accepted = context.Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => Normalize(l.Value.Value))
            .FirstOrDefault(l => l is not null);
        return accepted ?? English;
    }

    /// <summary>ru or en for a language tag such as "ru-RU" or "en"; null for any other.</summary>
    public static string? Normalize(string? tag) => tag?.Split('-')[0].Trim().ToLowerInvariant() switch
    {
        Russian => Russian,
        English => English,
        _ => null,
    };

    public static void Choose(HttpContext context, string language) =>
        context.Response.Cookies.Append(CookieName, language, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });
}
