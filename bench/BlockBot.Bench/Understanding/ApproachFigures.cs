using BlockBot.Conversation.Understanding;

namespace BlockBot.Bench.Understanding;

/// <summary>What one approach reached on the labelled set, and what it costs.</summary>
/// <param name="TopOneQuestions">Share of topic questions whose best-ranked topic is theirs, thresholds ignored.</param>
/// <param name="TopOneOutOfScope">Share of out-of-scope messages ranked out_of_scope first (or matching nothing), thresholds ignored.</param>
/// <param name="SavedModelStartMs">ML.NET: median milliseconds to load a model trained and saved beforehand, with its prediction engine.</param>
/// <param name="Microseconds">Understanding one message, in microseconds.</param>
/// <param name="RetainedBytes">Managed heap kept by the built index or the trained model with its prediction engine.</param>
public sealed record ApproachFigures(
    string Name,
    LabelledCheckReport Report,
    double TopOneQuestions,
    double TopOneOutOfScope,
    BuildTimes Build,
    double? SavedModelStartMs,
    LatencySummary Microseconds,
    double BytesPerMessage,
    long RetainedBytes,
    string Thresholds);
