namespace BlockBot.Tests.Support;

internal static class TestTimeouts
{
    /// <summary>How long a test waits for something that normally happens within milliseconds.</summary>
    public static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);
}
