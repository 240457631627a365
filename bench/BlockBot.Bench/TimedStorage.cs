using Microsoft.Bot.Builder;

namespace BlockBot.Bench;

/// <summary>The product's state storage, timed: every turn reads its state at the start and writes it at the end.</summary>
public sealed class TimedStorage(IStorage inner, OperationTimings timings) : IStorage
{
    private readonly LatencyRecorder _reads = timings.For("state read");
    private readonly LatencyRecorder _writes = timings.For("state write");
    private readonly LatencyRecorder _deletes = timings.For("state delete");

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) =>
        TimeAsync(_reads, () => inner.ReadAsync(keys, cancellationToken));

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) =>
        TimeAsync(_writes, async () =>
        {
            await inner.WriteAsync(changes, cancellationToken);
            return true;
        });

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) =>
        TimeAsync(_deletes, async () =>
        {
            await inner.DeleteAsync(keys, cancellationToken);
            return true;
        });

    private static async Task<T> TimeAsync<T>(LatencyRecorder recorder, Func<Task<T>> operation)
    {
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            return await operation();
        }
        finally
        {
            recorder.Record(TimeProvider.System.GetElapsedTime(started));
        }
    }
}
