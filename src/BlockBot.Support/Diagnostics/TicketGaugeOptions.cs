using System.ComponentModel.DataAnnotations;

namespace BlockBot.Support.Diagnostics;

/// <summary>The part of <c>BlockBot:Metrics</c> that is the support domain's: how fresh the ticket gauges are.</summary>
public sealed class TicketGaugeOptions
{
    public const string Section = "BlockBot:Metrics";

    /// <summary>How often the ticket gauges count the tickets in the database (one aggregate query each time).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan TicketRefreshInterval { get; set; } = TimeSpan.FromSeconds(15);
}
