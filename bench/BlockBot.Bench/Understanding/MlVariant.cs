namespace BlockBot.Bench.Understanding;

/// <summary>
/// One ML.NET text classifier: word 1–2-grams over the normalised words (or over the Lucene analyzer's stems when
/// <see cref="UseStems"/>) and character 3–5-grams over the normalised text, fed to <see cref="Trainer"/>.
/// </summary>
/// <param name="L2Regularization">
/// L-BFGS only, with no L1 (ML.NET's default L1 of 1 left held-out topics at 37 %): 0.1 had the best held-out objective
/// of 1, 0.1, 0.01 and 0.001 in the same cross-validation over the examples that picks the thresholds.
/// </param>
public sealed record MlVariant(string Name, MlTrainer Trainer, bool UseStems, float L2Regularization = 1)
{
    public static IReadOnlyList<MlVariant> All { get; } =
    [
        new("ML.NET SDCA words", MlTrainer.SdcaMaximumEntropy, UseStems: false),
        new("ML.NET SDCA stems", MlTrainer.SdcaMaximumEntropy, UseStems: true),
        new("ML.NET L-BFGS stems", MlTrainer.LbfgsMaximumEntropy, UseStems: true, L2Regularization: 0.1f),
    ];
}
