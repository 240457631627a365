using System.Globalization;

namespace BlockBot.Bench.Understanding;

/// <summary>The side-by-side table of the understanding bench, one column per approach, with the targets.</summary>
public static class UnderstandingReport
{
    private const int RowWidth = 38;
    private const int ColumnWidth = 22;

    public static void Write(TextWriter output, int labelled, IReadOnlyList<ApproachFigures> approaches, bool details)
    {
        output.WriteLine();
        output.WriteLine(Invariant($"Understanding: {labelled} labelled messages, one at a time on one thread"));
        Row(output, "", approaches, a => a.Name);
        Row(output, "questions to the right topic (≥95 %)", approaches, a => Percent(a.Report.QuestionAccuracy));
        Row(output, "out of scope recognised (≥90 %)", approaches, a => Percent(a.Report.OutOfScopeAccuracy));
        Row(output, "line names taken as names (100 %)", approaches, a => Percent(a.Report.LineNameAccuracy));
        Row(output, "all labelled messages right", approaches, a => Percent(a.Report.OverallAccuracy));
        Row(output, "top-1, questions, no thresholds", approaches, a => Percent(a.TopOneQuestions));
        Row(output, "top-1, out of scope, no thresholds", approaches, a => Percent(a.TopOneOutOfScope));
        Row(output, "build/train, first (cold), ms", approaches, a => Invariant($"{a.Build.First:0.0}"));
        Row(output, "build/train, median, ms (≤300)", approaches, a => Invariant($"{a.Build.Median:0.0}"));
        Row(output, "build/train, median CPU, ms", approaches, a => Invariant($"{a.Build.MedianCpu:0.0}"));
        Row(output, "load a saved model, median, ms", approaches, a => a.SavedModelStartMs is { } ms ? Invariant($"{ms:0.0}") : "—");
        Row(output, "one message p50, µs", approaches, a => Invariant($"{a.Microseconds.P50:0.0}"));
        Row(output, "one message p99, µs (≤1000)", approaches, a => Invariant($"{a.Microseconds.P99:0.0}"));
        Row(output, "one message max, µs", approaches, a => Invariant($"{a.Microseconds.Max:0.0}"));
        Row(output, "allocated per message, bytes", approaches, a => Invariant($"{a.BytesPerMessage:0}"));
        Row(output, "managed heap kept, MB", approaches, a => Invariant($"{a.RetainedBytes / 1048576.0:0.0}"));
        Row(output, "messages timed", approaches, a => Invariant($"{a.Microseconds.Count}"));
        output.WriteLine();
        foreach (var approach in approaches)
        {
            output.WriteLine(Invariant($"{approach.Name}: answers when {approach.Thresholds}"));
        }

        if (!details)
        {
            return;
        }

        foreach (var approach in approaches)
        {
            output.WriteLine();
            output.WriteLine("== " + approach.Name);
            output.Write(approach.Report.Format());
        }
    }

    private static void Row(TextWriter output, string title, IReadOnlyList<ApproachFigures> approaches, Func<ApproachFigures, string> cell) =>
        output.WriteLine(title.PadRight(RowWidth) + string.Concat(approaches.Select(a => cell(a).PadLeft(ColumnWidth))));

    private static string Percent(double share) => Invariant($"{share * 100:0.0} %");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
