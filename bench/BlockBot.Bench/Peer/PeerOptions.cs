namespace BlockBot.Bench.Peer;

/// <summary>
/// The command line of the peer mode: one run of the peers' 6-turn procedure (../shared/bench-peers) at one N, in
/// this process. <c>bench/compare-peers.sh</c> runs it in fresh processes and takes the medians.
/// </summary>
public sealed record PeerOptions(int Conversations, string Storage, int Turns, int WarmupTurns, string? DatabasePath, bool Timings = false)
{
    public const string Usage = """
        Usage: BlockBot.Bench --peer [--n N] [--storage sqlite|memory] [--turns T] [--warmup-turns W] [--database PATH] [--timings on]
          --n              concurrent conversations, closed loop (default 100)
          --storage        sqlite: the product's SqlStorage, every turn one transaction (default);
                           memory: Bot Builder's MemoryStorage for the state (the rest of the turn still on SQLite)
          --turns          measured turns, at least 3 rounds of 6 per conversation (default 60000)
          --warmup-turns   warm-up turns, at least 1 round per conversation, not measured (default 12000)
          --database       SQLite file to use and keep (default: a fresh temp file, deleted after)
          --timings        on: also time the state reads and the turn commit, and sample the thread pool
                           (to standard error; the timing itself costs a little)
        """;

    public const string Sqlite = "sqlite";
    public const string Memory = "memory";

    public static PeerOptions Default { get; } = new(100, Sqlite, 60_000, 12_000, null);

    /// <returns>The options (after the leading <c>--peer</c>), or null with <paramref name="error"/> set.</returns>
    public static PeerOptions? Parse(IReadOnlyList<string> args, out string? error) =>
        BenchArguments.Parse(args, Default, static (options, name, value) => name switch
        {
            "--n" when BenchArguments.PositiveInt(value) is { } n => options with { Conversations = n },
            "--storage" when value is Sqlite or Memory => options with { Storage = value },
            "--turns" when BenchArguments.PositiveInt(value) is { } n => options with { Turns = n },
            "--warmup-turns" when BenchArguments.PositiveInt(value) is { } n => options with { WarmupTurns = n },
            "--database" when value.Length > 0 => options with { DatabasePath = Path.GetFullPath(value) },
            "--timings" when value is "on" or "off" => options with { Timings = value == "on" },
            _ => null,
        }, out error);

    /// <summary>Rounds of 6 turns per conversation in the warm-up, as the peers count them.</summary>
    public int WarmupRounds => Math.Max(1, (int)Math.Ceiling(WarmupTurns / (6.0 * Conversations)));

    /// <summary>Rounds of 6 turns per conversation measured, as the peers count them.</summary>
    public int Rounds => Math.Max(3, (int)Math.Ceiling(Turns / (6.0 * Conversations)));
}
