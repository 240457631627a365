namespace BlockBot.Bench.Understanding;

/// <summary>ML.NET's answer for one message: a probability per class, in the order of the label's keys.</summary>
public sealed class ClassScores
{
    public float[] Score { get; set; } = [];
}
