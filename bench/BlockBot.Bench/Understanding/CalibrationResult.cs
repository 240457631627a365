namespace BlockBot.Bench.Understanding;

/// <summary>Thresholds picked by cross-validation, with the held-out figures they reached on the examples.</summary>
public sealed record CalibrationResult(ClassifierThresholds Thresholds, double TopicShare, double OutOfScopeShare)
{
    public double Objective => (TopicShare + OutOfScopeShare) / 2;
}
