using BlockBot.Conversation.Abstractions;

namespace BlockBot.Bench.Peer;

/// <summary>The product's turn commit, timed (<c>--timings</c>): the one transaction at the end of every turn.</summary>
public sealed class TimedTurnCommitter(ITurnCommitter inner, OperationTimings timings) : ITurnCommitter
{
    private readonly LatencyRecorder _commits = timings.For("turn commit");

    public async Task CommitAsync(TurnCommit commit, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            await inner.CommitAsync(commit, cancellationToken);
        }
        finally
        {
            _commits.Record(TimeProvider.System.GetElapsedTime(started));
        }
    }
}
