namespace BlockBot.Tests.Bench;

/// <summary>
/// A test of the Telegram peer bench: it needs node and the peers' fake Bot API (bench-peers/grammy/fake-bot-api.js, in
/// <c>$BENCH_PEERS</c> or /work/shared/bench-peers), which live outside the repository; skipped where either is missing.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PeerFakeFactAttribute : FactAttribute
{
    public PeerFakeFactAttribute()
    {
        if (!File.Exists(Path.Combine(Peers, "grammy", "fake-bot-api.js")))
        {
            Skip = $"The peers' fake Bot API is not at {Peers}/grammy (set BENCH_PEERS).";
        }
        else if (!OnPath("node"))
        {
            Skip = "node is not on the PATH.";
        }
    }

    public static string Peers => Environment.GetEnvironmentVariable("BENCH_PEERS") is { Length: > 0 } peers ? peers : "/work/shared/bench-peers";

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));
}
