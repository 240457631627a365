namespace BlockBot.Bench.Understanding;

/// <summary>How long building an index or training a model took, in milliseconds.</summary>
public sealed record BuildTimes(double First, double Median, double MedianCpu);
