namespace BlockBot.Bench.Understanding;

/// <summary>A classifier's two most probable classes for a message (entry ids), best first.</summary>
public readonly record struct RankedClasses(string Top, double TopScore, string Second, double SecondScore);
