namespace BlockBot.Bench.Understanding;

/// <summary>
/// One ML.NET text classifier: word 1–2-grams over the normalised words (or over the Lucene analyzer's stems when
/// <see cref="UseStems"/>) and character 3–5-grams over the normalised text, fed to <see cref="Trainer"/>.
/// </summary>
public sealed record MlVariant(string Name, MlTrainer Trainer, bool UseStems)
{
    public static IReadOnlyList<MlVariant> All { get; } =
    [
        new("ML.NET SDCA words", MlTrainer.SdcaMaximumEntropy, UseStems: false),
        new("ML.NET SDCA stems", MlTrainer.SdcaMaximumEntropy, UseStems: true),
        new("ML.NET L-BFGS stems", MlTrainer.LbfgsMaximumEntropy, UseStems: true),
    ];
}
