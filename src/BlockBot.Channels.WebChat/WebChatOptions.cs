using System.ComponentModel.DataAnnotations;

namespace BlockBot.Channels.WebChat;

/// <summary><c>BlockBot:WebChat</c>: the web chat channel, Direct Line 3.0 served by the bot and the <c>/chat</c> page.</summary>
public sealed class WebChatOptions
{
    public const string Section = "BlockBot:WebChat";

    public const string SecretsKey = Section + ":Secrets";

    /// <summary>
    /// Site secrets: a vendor's own token server sends one as <c>Authorization: Bearer</c> to <c>tokens/generate</c>.
    /// The first one also signs the tokens, and any of them verifies one, so a secret is rotated by putting the new one first.
    /// Each at least 32 characters. Secrets: never logged.
    /// </summary>
    public List<string> Secrets { get; set; } = [];

    /// <summary>
    /// Origins (<c>https://help.example.com</c>) whose pages may call the Direct Line API (CORS) and frame <c>/chat</c>
    /// (<c>frame-ancestors</c>). The bot's own origin always may.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>How long a Direct Line token is good for; Web Chat refreshes it well before (every 15 minutes).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long after a token was issued the <c>/chat</c> page may still exchange it for a fresh one: a visitor returning within this continues the conversation.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan ResumeWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Requests a minute one token may make (posts, polls, stream connects, refreshes).</summary>
    [Range(1, 100_000)]
    public int RequestsPerMinutePerToken { get; set; } = 120;

    /// <summary>Requests a minute one client address may make to the web chat's endpoints, tokens of all its conversations together.</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerMinutePerAddress { get; set; } = 600;

    /// <summary>The <c>/chat</c> page's title (the browser tab, and a screen reader's first words).</summary>
    public string Title { get; set; } = "BlockBot";
}
