using System.ComponentModel.DataAnnotations;

namespace BlockBot.Channels.WebChat.Retention;

/// <summary>
/// <c>BlockBot:Retention:WebChat</c>, beside <c>BlockBot:Retention:Transcripts</c> (the support domain's): how long a web
/// chat's stored activities, the customer's own words among them, are kept for the page to show again.
/// </summary>
public sealed class WebChatRetentionOptions
{
    public const string Section = "BlockBot:Retention";

    /// <summary>How long a stored activity is kept; older ones are deleted by <see cref="WebChatRetentionService"/>.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan WebChat { get; set; } = TimeSpan.FromDays(90);
}
