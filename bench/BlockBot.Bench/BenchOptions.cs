using System.Globalization;

namespace BlockBot.Bench;

/// <summary>
/// The command line. <see cref="PeriodsSeconds"/> becomes every <c>BlockBot:Periods</c> value, so the
/// chats-only reminder fires for real within the run.
/// </summary>
public sealed record BenchOptions(
    int Conversations,
    double PeriodsSeconds,
    string? DatabasePath,
    TimeSpan ConversationTimeout,
    TimeSpan OverallTimeout,
    string? PostgresAdmin = null,
    int Instances = 1,
    double ThinkSeconds = 0,
    int? CustomerTurnsInFlight = null)
{
    public const string Usage = """
        Usage: BlockBot.Bench --conversations N [--periods-seconds S] [--database PATH | --postgres CONNECTION [--instances 2]]
                              [--think-seconds S] [--turns-in-flight N] [--conversation-timeout-seconds T] [--timeout-seconds T]
          --conversations                 concurrent simulated customers (default 50)
          --periods-seconds               every reminder period, in seconds (default 2, at least 1)
          --database                      SQLite file to use and keep (default: a fresh temp file, deleted after)
          --postgres                      a PostgreSQL server (connection string of a user who may create databases):
                                          the run gets a fresh database there, dropped after
          --instances                     bot instances (hosts) on the one PostgreSQL database, customers spread
                                          over them in turn (default 1; more than one needs --postgres)
          --think-seconds                 customers think before each message, a random 0.5-1.5 times S, as people
                                          do (default 0: a closed loop without pauses, every step a burst of all N)
          --turns-in-flight               customers' turns an instance runs at once (BlockBot:Storage:CustomerTurnsInFlight;
                                          0 for no limit; default: the product's)
          --conversation-timeout-seconds  a conversation not finished by then counts as failed (default 300)
          --timeout-seconds               the whole run stops by then (default 600)
        """;

    public static BenchOptions Default { get; } = new(50, 2, null, TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(600));

    /// <param name="defaults">What an option not given is (<see cref="Default"/> unless a mode says otherwise).</param>
    /// <returns>The options, or null with <paramref name="error"/> set.</returns>
    public static BenchOptions? Parse(IReadOnlyList<string> args, out string? error, BenchOptions? defaults = null)
    {
        var options = BenchArguments.Parse(args, defaults ?? Default, static (options, name, value) => name switch
        {
            "--conversations" when BenchArguments.PositiveInt(value) is { } n => options with { Conversations = n },
            "--periods-seconds" when Seconds(value) is { TotalSeconds: >= 1 } s => options with { PeriodsSeconds = s.TotalSeconds },
            "--database" when value.Length > 0 => options with { DatabasePath = Path.GetFullPath(value) },
            "--postgres" when value.Length > 0 => options with { PostgresAdmin = value },
            "--conversation-timeout-seconds" when Seconds(value) is { } s => options with { ConversationTimeout = s },
            "--timeout-seconds" when Seconds(value) is { } s => options with { OverallTimeout = s },
            "--instances" when BenchArguments.PositiveInt(value) is { } n => options with { Instances = n },
            "--think-seconds" when Seconds(value) is { } s => options with { ThinkSeconds = s.TotalSeconds },
            "--turns-in-flight" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => options with { CustomerTurnsInFlight = n },
            _ => null,
        }, out error);
        if (options is null)
        {
            return null;
        }

        if (options is { DatabasePath: not null, PostgresAdmin: not null })
        {
            error = "--database (an SQLite file) and --postgres (a PostgreSQL server) exclude each other.";
            return null;
        }

        if (options is { Instances: > 1, PostgresAdmin: null })
        {
            error = "--instances above 1 needs --postgres: several instances share a PostgreSQL database, not an SQLite file.";
            return null;
        }

        return options;
    }

    private static TimeSpan? Seconds(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 && s < 86_400 ? TimeSpan.FromSeconds(s) : null;
}
