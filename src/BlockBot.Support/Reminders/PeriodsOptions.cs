using System.ComponentModel.DataAnnotations;

namespace BlockBot.Support.Reminders;

/// <summary><c>BlockBot:Periods</c>: how long each waiting period of the procedure lasts.</summary>
public sealed class PeriodsOptions
{
    public const string Section = "BlockBot:Periods";

    /// <summary>From the appeal advice to asking whether WhatsApp answered ("usually lifted within 24 hours").</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan AppealFollowUp { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Phone-and-web-only use after a repeated block, before reconnecting.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan PhoneOnly { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Chats only, no mailings or groups, after reconnecting.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan ChatsOnly { get; set; } = TimeSpan.FromDays(3);
}
