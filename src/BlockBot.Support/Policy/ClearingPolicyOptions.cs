using System.ComponentModel.DataAnnotations;

namespace BlockBot.Support.Policy;

/// <summary><c>BlockBot:ClearingPolicy</c>: support's own limit on queue clearings and VM changes per line.</summary>
public sealed class ClearingPolicyOptions
{
    public const string Section = "BlockBot:ClearingPolicy";

    /// <summary>Least time between two clearings of one line.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan MinimumGap { get; set; } = TimeSpan.FromDays(5);

    /// <summary>Length of the rolling window that <see cref="MaxPerWindow"/> applies to ("twice a month").</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(30);

    [Range(1, 1000)]
    public int MaxPerWindow { get; set; } = 2;
}
