namespace BlockBot.Tests.Channels.Telegram.Fake;

/// <summary>The limits the fake enforces with 429 + retry_after; null means it accepts everything.</summary>
/// <param name="GroupPerMinute">Messages a group takes in one <see cref="GroupWindow"/> (Telegram: 20 a minute).</param>
/// <param name="GroupWindow">The sliding window the group count is over; a minute unless a test shrinks it to run fast.</param>
public sealed record FakeLimits(double PerSecond, double ChatPerSecond, double GroupPerMinute, TimeSpan? GroupWindow = null)
{
    public static FakeLimits Telegram { get; } = new(30, 1, 20);

    public TimeSpan Window => GroupWindow ?? TimeSpan.FromMinutes(1);

    public FakeLimits Times(double factor) => new(PerSecond * factor, ChatPerSecond * factor, GroupPerMinute * factor, GroupWindow);
}
