namespace BlockBot.Bench.Reminders;

/// <summary>The command line of <c>--reminders</c>: N reminders due at one moment, delivered through the Telegram channel.</summary>
public sealed record ReminderOptions(int Count, TimeSpan DueIn, int FakeLimit, string? DatabasePath, TimeSpan Timeout)
{
    public const string Usage = """
        Usage: BlockBot.Bench --reminders [--count N] [--due-in-seconds S] [--fake-limit R] [--database PATH] [--timeout-seconds T]
          --count             customers, each with one reminder, all due at the same moment (default 10000)
          --due-in-seconds    the moment, counted from when scheduling begins (default 120; scheduling should end before it)
          --fake-limit        messages per second the fake Bot API accepts before it answers 429 (default 30, Telegram's)
          --database          SQLite file to use and keep (default: a fresh temp file, deleted after)
          --timeout-seconds   give up waiting for deliveries after this long past the due moment (default: 3 × count / 30 + 60)
        """;

    public static ReminderOptions Default { get; } = new(10_000, TimeSpan.FromSeconds(120), 30, null, TimeSpan.Zero);

    /// <summary>How long to wait past the due moment: the given timeout, else three times the time the limit needs.</summary>
    public TimeSpan WaitLimit => Timeout > TimeSpan.Zero ? Timeout : TimeSpan.FromSeconds((3.0 * Count / FakeLimit) + 60);

    /// <returns>The options (after the leading <c>--reminders</c>), or null with <paramref name="error"/> set.</returns>
    public static ReminderOptions? Parse(IReadOnlyList<string> args, out string? error) =>
        BenchArguments.Parse(args, Default, static (options, name, value) => name switch
        {
            "--count" when BenchArguments.PositiveInt(value) is { } n => options with { Count = n },
            "--due-in-seconds" when BenchArguments.PositiveInt(value) is { } s => options with { DueIn = TimeSpan.FromSeconds(s) },
            "--fake-limit" when BenchArguments.PositiveInt(value) is { } r => options with { FakeLimit = r },
            "--database" when value.Length > 0 => options with { DatabasePath = Path.GetFullPath(value) },
            "--timeout-seconds" when BenchArguments.PositiveInt(value) is { } s => options with { Timeout = TimeSpan.FromSeconds(s) },
            _ => null,
        }, out error);
}
