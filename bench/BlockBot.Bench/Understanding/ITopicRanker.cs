namespace BlockBot.Bench.Understanding;

/// <summary>Something trained or built on examples that ranks a message's two likeliest entries.</summary>
public interface ITopicRanker : IDisposable
{
    RankedClasses Rank(string message);
}
