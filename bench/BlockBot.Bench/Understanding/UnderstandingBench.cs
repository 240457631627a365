using System.Diagnostics;
using System.Globalization;
using BlockBot.Conversation.Understanding;

namespace BlockBot.Bench.Understanding;

/// <summary>
/// Measures the understanding of customers' text over the real dialogs/: the Lucene index the bot uses (its build at
/// start, one message's latency and allocations, its figures on the labelled set as <c>questions check</c> computes
/// them) and, beside it, ML.NET text classifiers trained on the same examples (ADR 0008).
/// </summary>
public static class UnderstandingBench
{
    public static int Run(UnderstandingBenchOptions options, TextWriter output, TextWriter progress)
    {
        var root = RepositoryRoot.Find();
        var labelledPath = options.LabelledPath ?? Path.Combine(root, "tests", "BlockBot.Tests", "Conversation", "Understanding", "labelled.tsv");
        IReadOnlyList<LabelledMessage> labelled;
        using (var reader = File.OpenText(labelledPath))
        {
            labelled = LabelledMessage.Parse(reader);
        }

        var texts = labelled.Select(m => m.Message).ToList();
        using var questions = RealQuestions.Open(root);
        var entries = questions.ParseEntries();
        var examples = MlTextClassifier.ExamplesOf(entries);
        progress.WriteLine(Invariant($"{entries.Count} topics, {examples.Count} examples in {questions.DialogsPath}; {labelled.Count} labelled messages in {labelledPath}"));

        // First, before anything else touches Lucene: the cold build is what the program pays at start.
        var builds = MessageTimer.Build(() => new QuestionIndex(entries), options.Builds);
        var started = Stopwatch.GetTimestamp();
        var dialogs = questions.LoadDialogs();
        progress.WriteLine(Invariant($"dialogs/ loaded again whole (parse, validate, index): {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0.0} ms"));
        var book = dialogs.Questions;
        var lucene = Lucene(questions, book, labelled, texts, builds, options);
        var approaches = new List<ApproachFigures> { lucene, LuceneCrossValidated(lucene, entries, book, examples, labelled, options, progress) };

        if (!options.LuceneOnly)
        {
            foreach (var variant in MlVariant.All)
            {
                approaches.Add(MlNet(variant, book, examples, labelled, texts, options, progress));
            }
        }

        UnderstandingReport.Write(output, labelled.Count, approaches, options.Details);
        return 0;
    }

    private static ApproachFigures Lucene(
        RealQuestions questions,
        QuestionBook book,
        IReadOnlyList<LabelledMessage> labelled,
        IReadOnlyList<string> texts,
        BuildTimes builds,
        UnderstandingBenchOptions options)
    {
        var interpreter = questions.Interpreter;
        var report = new LabelledCheck(book, interpreter).Run(labelled);
        var topOne = labelled.Select(m => (m.Label, Top: book.Index.Rank(m.Message) is [var best, ..] ? best.Entry.Id : QuestionEntry.OutOfScopeId)).ToList();
        var (microseconds, bytes) = MessageTimer.Measure(texts, options.Interpretations, m => interpreter.Interpret(book.Index, m));
        var retained = MessageTimer.Retained(() => new QuestionIndex(book.Entries));
        var thresholds = questions.Thresholds;
        return new ApproachFigures(
            "Lucene BM25",
            report,
            TopOne(topOne, questions: true),
            TopOne(topOne, questions: false),
            builds,
            null,
            microseconds,
            bytes,
            retained,
            Invariant($"score ≥ {thresholds.ConfidentScore:0.00}, 2nd < {thresholds.ClearMargin:0.00}×score (unsure from {thresholds.UnsureScore:0.00}; UnderstandingOptions)"));
    }

    /// <summary>
    /// The same index with its thresholds picked as ML.NET's are (cross-validation over the examples, no "unsure" band),
    /// so the two are compared on equal terms; its costs are the index's.
    /// </summary>
    private static ApproachFigures LuceneCrossValidated(
        ApproachFigures lucene,
        IReadOnlyList<QuestionEntry> entries,
        QuestionBook book,
        IReadOnlyList<(string Text, string Label)> examples,
        IReadOnlyList<LabelledMessage> labelled,
        UnderstandingBenchOptions options,
        TextWriter progress)
    {
        var calibration = ThresholdCalibration.Run(training => LuceneRanker.Build(entries, training), examples, options.Folds);
        progress.WriteLine(Invariant(
            $"Lucene BM25: {options.Folds}-fold cross-validation over the examples picked {calibration.Thresholds} (held-out examples: topics {calibration.TopicShare:P1}, out of scope {calibration.OutOfScopeShare:P1})"));
        using var ranker = new LuceneRanker(book.Index, owned: false);
        var thresholds = calibration.Thresholds;
        var outcomes = labelled.Select(m => ClassifierDecision.Judge(book, thresholds, m, ranker.Rank(m.Message))).ToList();
        return lucene with
        {
            Name = "Lucene BM25, CV",
            Report = new LabelledCheckReport(outcomes),
            Thresholds = Invariant($"score ≥ {thresholds.Confident:0.00}, 2nd < {thresholds.Margin:0.00}×score, no unsure band ({options.Folds}-fold cross-validation over the examples)"),
        };
    }

    private static ApproachFigures MlNet(
        MlVariant variant,
        QuestionBook book,
        IReadOnlyList<(string Text, string Label)> examples,
        IReadOnlyList<LabelledMessage> labelled,
        IReadOnlyList<string> texts,
        UnderstandingBenchOptions options,
        TextWriter progress)
    {
        var trainings = MessageTimer.Build(() => MlTextClassifier.Train(variant, examples), options.Trainings);
        var started = Stopwatch.GetTimestamp();
        var calibration = ThresholdCalibration.Run(training => MlTextClassifier.Train(variant, training), examples, options.Folds);
        progress.WriteLine(Invariant(
            $"{variant.Name}: {options.Folds}-fold cross-validation over the examples in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s picked {calibration.Thresholds} (held-out examples: topics {calibration.TopicShare:P1}, out of scope {calibration.OutOfScopeShare:P1})"));

        using var classifier = MlTextClassifier.Train(variant, examples);
        using var saved = new MemoryStream();
        classifier.Save(saved);
        var loads = MessageTimer.Build(() => MlTextClassifier.Load(variant, new MemoryStream(saved.ToArray(), writable: false)), options.Builds);
        var thresholds = calibration.Thresholds;
        var outcomes = labelled.Select(m => ClassifierDecision.Judge(book, thresholds, m, classifier.Rank(m.Message))).ToList();
        var topOne = labelled.Select(m => (m.Label, classifier.Rank(m.Message).Top)).ToList();
        var (microseconds, bytes) = MessageTimer.Measure(texts, options.Interpretations, m => thresholds.Answers(classifier.Rank(m)));
        var retained = MessageTimer.Retained(() => MlTextClassifier.Train(variant, examples));
        return new ApproachFigures(
            variant.Name,
            new LabelledCheckReport(outcomes),
            TopOne(topOne, questions: true),
            TopOne(topOne, questions: false),
            trainings,
            loads.Median,
            microseconds,
            bytes,
            retained,
            Invariant($"{thresholds} ({options.Folds}-fold cross-validation over the examples)"));
    }

    /// <summary>Topic questions ranked to their topic first; or out-of-scope messages ranked out_of_scope first.</summary>
    private static double TopOne(IReadOnlyList<(string Label, string Top)> ranked, bool questions)
    {
        var selected = questions
            ? ranked.Where(r => r.Label is not (LabelledMessage.OutOfScope or LabelledMessage.LineName)).ToList()
            : ranked.Where(r => r.Label == LabelledMessage.OutOfScope).ToList();
        var right = selected.Count(r => r.Top == (questions ? r.Label : QuestionEntry.OutOfScopeId));
        return selected.Count == 0 ? 1 : (double)right / selected.Count;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
