namespace BlockBot.Bench.Understanding;

/// <summary>The multiclass trainers compared.</summary>
public enum MlTrainer
{
    SdcaMaximumEntropy,
    LbfgsMaximumEntropy,
}
