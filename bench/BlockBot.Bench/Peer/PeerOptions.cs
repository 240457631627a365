using System.Globalization;

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
    public static PeerOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var options = Default;
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
            {
                error = $"{name} needs a value.";
                return null;
            }

            var value = args[++i];
            PeerOptions? next = name switch
            {
                "--n" when PositiveInt(value) is { } n => options with { Conversations = n },
                "--storage" when value is Sqlite or Memory => options with { Storage = value },
                "--turns" when PositiveInt(value) is { } n => options with { Turns = n },
                "--warmup-turns" when PositiveInt(value) is { } n => options with { WarmupTurns = n },
                "--database" when value.Length > 0 => options with { DatabasePath = Path.GetFullPath(value) },
                "--timings" when value is "on" or "off" => options with { Timings = value == "on" },
                _ => null,
            };

            if (next is null)
            {
                error = $"Unknown option or bad value: {name} {value}";
                return null;
            }

            options = next;
        }

        return options;
    }

    /// <summary>Rounds of 6 turns per conversation in the warm-up, as the peers count them.</summary>
    public int WarmupRounds => Math.Max(1, (int)Math.Ceiling(WarmupTurns / (6.0 * Conversations)));

    /// <summary>Rounds of 6 turns per conversation measured, as the peers count them.</summary>
    public int Rounds => Math.Max(3, (int)Math.Ceiling(Turns / (6.0 * Conversations)));

    private static int? PositiveInt(string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
}
