using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace BlockBot.Channels.Telegram;

/// <summary><c>BlockBot:Telegram</c>: the bot's token, where the Bot API is, the staff group and the send limits.</summary>
public sealed partial class TelegramOptions
{
    public const string Section = "BlockBot:Telegram";
    public const string TokenKey = Section + ":Token";
    public const string StaffChatIdKey = Section + ":StaffChatId";
    public const string MaxUpdateBytesKey = Section + ":MaxUpdateBytes";
    public const string PublicApiUrl = "https://api.telegram.org";

    /// <summary>From BotFather: <c>&lt;digits&gt;:&lt;secret&gt;</c>. Never logged.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Token { get; set; } = string.Empty;

    /// <summary>The Bot API server: the public one, a local Bot API server, or a test fake.</summary>
    [Required(AllowEmptyStrings = false)]
    public string ApiUrl { get; set; } = PublicApiUrl;

    /// <summary>The staff group's chat id (negative for groups); null when the staff chat is elsewhere.</summary>
    public long? StaffChatId { get; set; }

    /// <summary>Telegram user ids allowed to act on tickets; empty means every member of the staff group.</summary>
    public List<long> StaffUserIds { get; set; } = [];

    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    /// <summary>The public HTTPS address Telegram posts to (ports 443, 80, 88 or 8443); its path is where the bot listens.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Sent back by Telegram in <c>X-Telegram-Bot-Api-Secret-Token</c>: 1–256 of <c>A-Z a-z 0-9 _ -</c>.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>How long one getUpdates call waits for updates (long polling).</summary>
    [Range(0, 50)]
    public int PollingTimeoutSeconds { get; set; } = 25;

    /// <summary>Messages per second over all chats (Telegram: about 30).</summary>
    [Range(0.1, 10_000)]
    public double MessagesPerSecond { get; set; } = 30;

    /// <summary>Messages per second to one private chat (Telegram: 1). Up to a million: a gap of a microsecond, none to speak of.</summary>
    [Range(0.01, 1_000_000)]
    public double ChatMessagesPerSecond { get; set; } = 1;

    /// <summary>Messages per minute to one group (Telegram: 20).</summary>
    [Range(0.1, 60_000)]
    public double GroupMessagesPerMinute { get; set; } = 20;

    /// <summary>
    /// The largest update taken (bytes of JSON). A webhook call over it is answered 413 before its body is read; a
    /// polled update over it is quarantined. Real updates are a few kilobytes.
    /// </summary>
    [Range(4096, 64 * 1024 * 1024)]
    public int MaxUpdateBytes { get; set; } = 1024 * 1024;

    /// <summary>Updates handled at once, each chat's in order.</summary>
    [Range(1, 1_000)]
    public int ConcurrentChats { get; set; } = 32;

    /// <summary>
    /// Chats whose queued messages are being sent at once. The limiter keeps the rates; this bounds the
    /// requests in flight, and so the messages that may go twice if the process dies mid-send (with those whose
    /// deletes had not committed yet, ADR 0019).
    /// </summary>
    [Range(1, 1_000)]
    public int ConcurrentSends { get; set; } = 64;

    public static bool IsTokenShaped(string? token) => token is not null && TokenShape().IsMatch(token);

    public static bool IsSecretShaped(string? secret) => secret is not null && SecretShape().IsMatch(secret);

    /// <summary>Problems DataAnnotations cannot see; empty when the options are usable.</summary>
    public IEnumerable<string> Problems(bool httpConfigured)
    {
        if (!IsTokenShaped(Token))
        {
            yield return $"{TokenKey} must look like <digits>:<secret>, as BotFather gives it";
        }

        if (!Uri.TryCreate(ApiUrl, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
        {
            yield return $"{Section}:ApiUrl must be an absolute http(s) address";
        }

        if (StaffChatId == 0)
        {
            yield return $"{StaffChatIdKey} must be a chat id, not 0";
        }

        if (Mode != TelegramMode.Webhook)
        {
            yield break;
        }

        if (!Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var webhook) || webhook.Scheme != Uri.UriSchemeHttps)
        {
            yield return $"{Section}:WebhookUrl must be an absolute https address when {Section}:Mode is Webhook";
        }

        if (!IsSecretShaped(WebhookSecret))
        {
            yield return $"{Section}:WebhookSecret must be 1–256 characters of A-Z a-z 0-9 _ - when {Section}:Mode is Webhook";
        }

        if (!httpConfigured)
        {
            yield return $"{Section}:Mode Webhook needs BlockBot:Http:Urls, where the bot listens for Telegram's calls";
        }
    }

    /// <summary>The path the webhook endpoint is mapped at: the path of <see cref="WebhookUrl"/>.</summary>
    public string WebhookPath =>
        Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var uri) && uri.AbsolutePath.Length > 1 ? uri.AbsolutePath : "/telegram";

    [GeneratedRegex(@"^[0-9]{1,16}:\S+$")]
    private static partial Regex TokenShape();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretShape();
}
