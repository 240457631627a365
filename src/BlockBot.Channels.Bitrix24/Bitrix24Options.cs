using System.ComponentModel.DataAnnotations;

namespace BlockBot.Channels.Bitrix24;

/// <summary><c>BlockBot:Bitrix24</c>: the open-lines bot on a Bitrix24 portal, and optionally its staff chat there.</summary>
public sealed class Bitrix24Options
{
    public const string Section = "BlockBot:Bitrix24";

    /// <summary>Incoming-webhook URL, <c>https://portal/rest/&lt;user&gt;/&lt;secret&gt;/</c> (scopes imbot, imopenlines). A secret: never logged.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>OAuth instead of a webhook: the portal's REST endpoint, <c>https://portal/rest/</c>.</summary>
    public string? PortalUrl { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The app's refresh token from its installation; renewed ones are kept in the database.</summary>
    public string? RefreshToken { get; set; }

    [Required(AllowEmptyStrings = false)]
    public string OAuthTokenUrl { get; set; } = "https://oauth.bitrix.info/oauth/token/";

    /// <summary>The bot's code: registering the same code again returns the same bot.</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^[A-Za-z0-9_]{1,50}$")]
    public string BotCode { get; set; } = "blockbot";

    [Required(AllowEmptyStrings = false)]
    public string BotName { get; set; } = "BlockBot";

    /// <summary>The bot's own token for webhook-authorised calls (also CLIENT_ID of the session methods); at most 40 characters.</summary>
    [StringLength(40)]
    public string? BotToken { get; set; }

    public Bitrix24EventMode EventMode { get; set; } = Bitrix24EventMode.Fetch;

    /// <summary>Webhook mode: the public URL the portal posts events to; it must reach <see cref="EventPath"/>.</summary>
    public string? PublicEventUrl { get; set; }

    /// <summary>Webhook mode: the path of the event endpoint on this host.</summary>
    [Required(AllowEmptyStrings = false)]
    public string EventPath { get; set; } = "/bitrix24/events";

    /// <summary>Webhook mode: the <c>auth[application_token]</c> every event must carry. A secret: never logged.</summary>
    public string? ApplicationToken { get; set; }

    /// <summary>Fetch mode: the pause between polls while nothing is waiting.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Fetch mode: the pause between polls while the portal says more is waiting (the docs ask for at least 2 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MoreEventsInterval { get; set; } = TimeSpan.FromSeconds(2);

    [Range(1, 1000)]
    public int FetchLimit { get; set; } = 100;

    /// <summary>The portal's leaky bucket: how fast it drains (2 a second; 5 on Enterprise).</summary>
    [Range(0.1, 10_000)]
    public double RequestsPerSecond { get; set; } = 2;

    /// <summary>
    /// How many requests the bot sends at once before keeping to the rate. The portal's bucket holds 50 (250 on
    /// Enterprise); a little below leaves room for requests that arrive in another order than they left.
    /// </summary>
    [Range(1, 10_000)]
    public int Burst { get; set; } = 48;

    /// <summary>Retries of a call the portal refused for load (503 QUERY_LIMIT_EXCEEDED, 429) or could not be reached.</summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 8;

    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Transfer to this open-line queue (<c>imopenlines.config</c> ID) instead of the line's own operators.</summary>
    public int? OperatorQueueId { get; set; }

    /// <summary>The staff chat on the portal, e.g. <c>chat42</c>; the bot must be a member.</summary>
    public string? StaffDialogId { get; set; }

    /// <summary>Portal user ids allowed to act on tickets in the staff chat.</summary>
    public List<string> StaffUserIds { get; set; } = [];

    public bool UsesWebhookAuth => !string.IsNullOrWhiteSpace(WebhookUrl);

    public bool UsesOAuth => !string.IsNullOrWhiteSpace(PortalUrl) || !string.IsNullOrWhiteSpace(RefreshToken);
}
