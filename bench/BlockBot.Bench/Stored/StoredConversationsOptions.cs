namespace BlockBot.Bench.Stored;

/// <summary>
/// The command line of the stored-conversations mode: how much memory the product keeps once it has served many
/// distinct customers, each through the peers' 6-turn procedure (<see cref="Peer.PeerProcedure"/>).
/// </summary>
public sealed record StoredConversationsOptions(int Conversations, int Concurrent, int IdleSeconds, string? DatabasePath)
{
    public const string Mode = "--stored-conversations";

    public const string Usage = """
        Usage: BlockBot.Bench --stored-conversations N [--concurrent C] [--idle-seconds S] [--database PATH]
          N                distinct conversations (one customer each), each through the 6-turn procedure once
          --concurrent     conversations in flight at once (default 100)
          --idle-seconds   idle time before the first figures, after the conversations and after the forced GC
                           (default 10); a dotnet-gcdump of the idle process can be taken then (the PID is printed
                           to standard error)
          --database       SQLite file to use and keep (default: a fresh temp file, deleted after)
        """;

    public static StoredConversationsOptions Default { get; } = new(100_000, 100, 10, null);

    /// <returns>The options (the whole command line, the mode's own pair first), or null with <paramref name="error"/> set.</returns>
    public static StoredConversationsOptions? Parse(IReadOnlyList<string> args, out string? error) =>
        BenchArguments.Parse(args, Default, static (options, name, value) => name switch
        {
            Mode when BenchArguments.PositiveInt(value) is { } n => options with { Conversations = n },
            "--concurrent" when BenchArguments.PositiveInt(value) is { } n => options with { Concurrent = n },
            "--idle-seconds" when BenchArguments.PositiveInt(value) is { } n => options with { IdleSeconds = n },
            "--database" when value.Length > 0 => options with { DatabasePath = Path.GetFullPath(value) },
            _ => null,
        }, out error);
}
