using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlockBot.Memory;

/// <summary>
/// Gives memory back once a burst of work is over: when at least <see cref="MemoryOptions.BurstMegabytes"/> were
/// allocated since the last release and the bot has then been quiet for <see cref="MemoryOptions.QuietPeriod"/>, one
/// aggressive collection and a malloc trim (<see cref="IProcessMemory.Release"/>), at most once per
/// <see cref="MemoryOptions.MinimumInterval"/>. After a burst the GC keeps the space it committed for it (server GC with
/// dynamic adaptation kept ~95 MB around a 18 MB heap after 100,000 customers) and malloc keeps what SQLite's connections
/// freed; neither gives it back to a bot that allocates next to nothing while idle. "Quiet" is read from the managed
/// allocations, which every channel's work makes, so no channel has to report its traffic.
/// </summary>
public sealed class IdleMemoryRelease(
    IProcessMemory memory,
    IOptions<MemoryOptions> options,
    TimeProvider time,
    ILogger<IdleMemoryRelease> logger) : BackgroundService
{
    /// <summary>How often the allocations are sampled.</summary>
    public static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(1);

    // An idle bot allocates a few KB a second (the scheduler's and the channels' waits); one turn allocates ~50 KB. Below
    // this a second counts as quiet, so a bot down to the odd turn a second may still give a burst's memory back.
    private const long QuietBytesPerSecond = 64 * 1024;

    private readonly Lock _gate = new();
    private long _allocatedAtRelease = memory.AllocatedBytes;
    private long _allocatedAtSample = memory.AllocatedBytes;
    private long _sampledAt = time.GetTimestamp();
    private long _activeAt = time.GetTimestamp();
    private long? _releasedAt;
    private PeriodicTimer? _timer;

    /// <summary>
    /// Gives memory back now, and counts the next burst from here (the start-up's release, <see cref="BlockBotProgram"/>).
    /// </summary>
    public MemoryReleased ReleaseNow()
    {
        lock (_gate)
        {
            var released = memory.Release();
            var now = time.GetTimestamp();
            _releasedAt = now;
            _allocatedAtRelease = _allocatedAtSample = memory.AllocatedBytes;
            _sampledAt = _activeAt = now;
            return released;
        }
    }

    /// <summary>
    /// One sample: notes whether the bot was busy since the last one, and gives memory back if a burst is over.
    /// </summary>
    /// <returns>What was released, or null.</returns>
    public MemoryReleased? Sample()
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            var allocated = memory.AllocatedBytes;
            var seconds = Math.Max(time.GetElapsedTime(_sampledAt, now).TotalSeconds, SampleInterval.TotalSeconds);
            if (allocated - _allocatedAtSample > QuietBytesPerSecond * seconds)
            {
                _activeAt = now;
            }

            _allocatedAtSample = allocated;
            _sampledAt = now;
            var settings = options.Value;
            var burstOver = allocated - _allocatedAtRelease >= settings.BurstMegabytes * 1024L * 1024
                && time.GetElapsedTime(_activeAt, now) >= settings.QuietPeriod
                && (_releasedAt is not { } last || time.GetElapsedTime(last, now) >= settings.MinimumInterval);
            return burstOver ? ReleaseNow() : null;
        }
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Made here rather than in ExecuteAsync, which the host runs on the thread pool: the first sample is due a
        // sample interval after the host started the service.
        _timer = options.Value.ReleaseWhenIdle ? new PeriodicTimer(SampleInterval, time) : null;
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_timer is not { } timer)
        {
            return;
        }

        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (Sample() is { } released)
            {
                logger.LogInformation(
                    new EventId(1, "MemoryReleased"),
                    "Quiet after a burst: gave memory back, resident {BeforeMegabytes} → {AfterMegabytes} MB in {Milliseconds} ms",
                    released.ResidentBytesBefore / 1048576,
                    released.ResidentBytesAfter / 1048576,
                    (long)released.Took.TotalMilliseconds);
            }
        }
    }
}
