using System.ComponentModel.DataAnnotations;

namespace BlockBot.Memory;

/// <summary>
/// <c>BlockBot:Memory</c>: giving memory back once a burst of work is over (<see cref="IdleMemoryRelease"/>), as the
/// bot does once after start-up.
/// </summary>
public sealed class MemoryOptions
{
    public const string Section = "BlockBot:Memory";

    /// <summary>Off: the bot gives memory back only once, after start-up, and otherwise keeps what the GC and malloc keep.</summary>
    public bool ReleaseWhenIdle { get; set; } = true;

    /// <summary>How long the bot must have been quiet (next to nothing allocated) before it gives memory back.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The least time between two releases, whatever the traffic: each is a full, blocking collection.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MinimumInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Managed allocation since the last release that makes a burst worth giving back, in megabytes.</summary>
    [Range(1, 1_048_576)]
    public int BurstMegabytes { get; set; } = 64;
}
