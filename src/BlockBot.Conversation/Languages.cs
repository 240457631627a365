namespace BlockBot.Conversation;

/// <summary>The languages every text in <c>dialogs/</c> carries.</summary>
public static class Languages
{
    public const string Russian = "ru";
    public const string English = "en";

    public static readonly IReadOnlyList<string> All = [Russian, English];

    private static readonly HashSet<string> RussianSpeaking = new(StringComparer.OrdinalIgnoreCase) { "ru", "uk", "be", "kk", "ky", "uz", "tg", "hy", "az" };

    public static bool IsSupported(string? language) => language is Russian or English;

    /// <summary>
    /// Picks the language for a channel locale such as "en-US" or "ru": Russian for Russian and the
    /// languages of neighbouring countries, English for any other known locale, the default when there is none.
    /// </summary>
    public static string FromLocale(string? locale, string fallback)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return fallback;
        }

        var primary = locale.Split('-', '_')[0].Trim().ToLowerInvariant();
        if (primary.Length is < 2 or > 3)
        {
            return fallback;
        }

        return RussianSpeaking.Contains(primary) ? Russian : English;
    }
}
