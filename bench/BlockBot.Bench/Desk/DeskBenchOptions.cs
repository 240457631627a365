namespace BlockBot.Bench.Desk;

/// <summary>The command line of <c>--desk</c>: the staff desk's pages and live updates over a filled database.</summary>
public sealed record DeskBenchOptions(int Tickets, int Lines, int TranscriptLines, int Requests, int Changes, string? DatabasePath, string? PostgresAdmin)
{
    public const string Usage = """
        Usage: BlockBot.Bench --desk [--tickets N] [--lines N] [--transcript-lines N] [--requests N] [--changes N] [--database PATH | --postgres CONNECTION]
          --tickets            tickets, one customer and case each (default 10000)
          --lines              lines the cases and clearing tickets are spread over (default 2000)
          --transcript-lines   transcript lines, spread over the customers (default 500000)
          --requests           timed requests per page (default 50)
          --changes            ticket changes timed to the open queue's event stream (default 20)
          --database           SQLite file to use and keep (default: a fresh temp file, deleted after)
          --postgres           a PostgreSQL server (connection string of a user who may create databases): a fresh database, dropped after
        """;

    public static DeskBenchOptions Default { get; } = new(10_000, 2_000, 500_000, 50, 20, null, null);

    /// <returns>The options (after the leading <c>--desk</c>), or null with <paramref name="error"/> set.</returns>
    public static DeskBenchOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var options = BenchArguments.Parse(args, Default, static (options, name, value) => name switch
        {
            "--tickets" when BenchArguments.PositiveInt(value) is { } n => options with { Tickets = n },
            "--lines" when BenchArguments.PositiveInt(value) is { } n => options with { Lines = n },
            "--transcript-lines" when BenchArguments.PositiveInt(value) is { } n => options with { TranscriptLines = n },
            "--requests" when BenchArguments.PositiveInt(value) is { } n => options with { Requests = n },
            "--changes" when BenchArguments.PositiveInt(value) is { } n => options with { Changes = n },
            "--database" when value.Length > 0 => options with { DatabasePath = Path.GetFullPath(value) },
            "--postgres" when value.Length > 0 => options with { PostgresAdmin = value },
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

        if (options.Tickets < 10 * options.Changes)
        {
            error = "--tickets must be at least 10 × --changes (one ticket in ten is open, and each change takes one).";
            return null;
        }

        return options;
    }
}
