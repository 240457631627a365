using BlockBot.Conversation.Turns;

namespace BlockBot.Bench.Peer;

/// <summary>The product's turn store, timed (<c>--timings</c>): the one transaction at the end of every turn.</summary>
public sealed class TimedTurnStore(ITurnStore inner, OperationTimings timings) : ITurnStore
{
    private readonly LatencyRecorder _commits = timings.For("turn commit");

    public async Task SaveAsync(TurnUnitOfWork work, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            await inner.SaveAsync(work, cancellationToken);
        }
        finally
        {
            _commits.Record(TimeProvider.System.GetElapsedTime(started));
        }
    }
}
