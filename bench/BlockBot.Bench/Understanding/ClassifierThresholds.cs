using System.Globalization;

namespace BlockBot.Bench.Understanding;

/// <summary>
/// When a classifier's best class is answered: its probability is at least <see cref="Confident"/> and the runner-up's
/// is below <see cref="Margin"/> times it (the same "clearly ahead" rule as <c>UnderstandingOptions.ClearMargin</c>).
/// </summary>
public sealed record ClassifierThresholds(double Confident, double Margin)
{
    public bool Answers(RankedClasses ranked) => ranked.TopScore >= Confident && ranked.SecondScore < ranked.TopScore * Margin;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"p ≥ {Confident:0.00}, 2nd < {Margin:0.00}×p");
}
