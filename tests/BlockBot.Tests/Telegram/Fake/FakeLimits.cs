namespace BlockBot.Tests.Telegram.Fake;

/// <summary>The limits the fake enforces with 429 + retry_after; null means it accepts everything.</summary>
public sealed record FakeLimits(double PerSecond, double ChatPerSecond, double GroupPerMinute)
{
    public static FakeLimits Telegram { get; } = new(30, 1, 20);

    public FakeLimits Times(double factor) => new(PerSecond * factor, ChatPerSecond * factor, GroupPerMinute * factor);
}
