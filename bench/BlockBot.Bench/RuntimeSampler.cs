namespace BlockBot.Bench;

/// <summary>
/// Samples the runtime while the run goes, for peaks the runtime does not keep itself: the managed heap,
/// and the thread pool's threads and queue (blocking I/O on pool threads shows as a long queue).
/// </summary>
public sealed class RuntimeSampler : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    public RuntimeSampler()
    {
        _sampling = SampleAsync(_stop.Token);
    }

    public long PeakManagedBytes { get; private set; }

    public int PeakThreadPoolThreads { get; private set; }

    public long PeakThreadPoolQueue { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                PeakManagedBytes = Math.Max(PeakManagedBytes, GC.GetTotalMemory(forceFullCollection: false));
                PeakThreadPoolThreads = Math.Max(PeakThreadPoolThreads, ThreadPool.ThreadCount);
                PeakThreadPoolQueue = Math.Max(PeakThreadPoolQueue, ThreadPool.PendingWorkItemCount);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
            // Stopped at the end of the run.
        }
    }
}
