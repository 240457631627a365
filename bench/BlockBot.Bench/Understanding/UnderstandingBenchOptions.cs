using System.Globalization;

namespace BlockBot.Bench.Understanding;

/// <summary>The command line of the understanding bench (<c>--understanding</c>).</summary>
public sealed record UnderstandingBenchOptions(
    string? LabelledPath,
    int Interpretations,
    int Builds,
    int Trainings,
    int Folds,
    bool LuceneOnly,
    bool Details)
{
    public const string Flag = "--understanding";

    public const string Usage = """
        Usage: BlockBot.Bench --understanding [--labelled FILE] [--interpretations N] [--builds N] [--trainings N]
                              [--folds K] [--lucene-only] [--details]
          --labelled         labelled messages, topic<TAB>message (default tests/BlockBot.Tests/Conversation/Understanding/labelled.tsv)
          --interpretations  messages understood per approach for the latency figures (default 20000, at least 1000)
          --builds           fresh Lucene index builds after the first, cold one, and loads of a saved ML.NET model (default 10)
          --trainings        fresh ML.NET trainings after the first, cold one (default 3)
          --folds            folds of the cross-validation over the examples that picks ML.NET's thresholds (default 5)
          --lucene-only      measure the Lucene index only (no ML.NET)
          --details          also print each approach's per-topic table and misses
        """;

    public static UnderstandingBenchOptions Default { get; } = new(null, 20_000, 10, 3, 5, false, false);

    public static bool Matches(IReadOnlyList<string> args) => args.Contains(Flag, StringComparer.Ordinal);

    /// <returns>The options, or null with <paramref name="error"/> set.</returns>
    public static UnderstandingBenchOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var options = Default;
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            UnderstandingBenchOptions? next = name switch
            {
                Flag => options,
                "--lucene-only" => options with { LuceneOnly = true },
                "--details" => options with { Details = true },
                _ when i + 1 >= args.Count => null,
                "--labelled" when args[++i].Length > 0 => options with { LabelledPath = Path.GetFullPath(args[i]) },
                "--interpretations" when Count(args[++i], 1_000) is { } n => options with { Interpretations = n },
                "--builds" when Count(args[++i], 1) is { } n => options with { Builds = n },
                "--trainings" when Count(args[++i], 1) is { } n => options with { Trainings = n },
                "--folds" when Count(args[++i], 2) is { } n => options with { Folds = n },
                _ => null,
            };

            if (next is null)
            {
                error = $"Unknown option or bad value: {name}";
                return null;
            }

            options = next;
        }

        return options;
    }

    private static int? Count(string text, int minimum) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= minimum ? n : null;
}
