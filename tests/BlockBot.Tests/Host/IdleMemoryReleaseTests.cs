using BlockBot.Memory;
using BlockBot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BlockBot.Tests.Host;

/// <summary>
/// The bot gives memory back once a burst of work is over and it has been quiet for a while, never while turns are
/// still coming, and not more often than its minimum interval. Time is a fake clock; "work" is what the fake process
/// has allocated.
/// </summary>
public sealed class IdleMemoryReleaseTests : IDisposable
{
    private const long Megabyte = 1024 * 1024;

    private readonly FakeTimeProvider _time = new();
    private readonly FakeProcessMemory _memory = new();

    private static MemoryOptions Settings => new()
    {
        QuietPeriod = TimeSpan.FromSeconds(5),
        MinimumInterval = TimeSpan.FromMinutes(1),
        BurstMegabytes = 64,
    };

    [Fact]
    public void After_a_burst_the_bot_gives_memory_back_once_it_has_been_quiet_for_the_quiet_period()
    {
        Release();

        Busy(seconds: 30, megabytesPerSecond: 10);
        var quietSeconds = Quiet(until: () => _memory.Releases > 0, atMostSeconds: 60);

        Assert.Equal(1, _memory.Releases);
        Assert.Equal(5, quietSeconds);
        Quiet(seconds: 600);
        Assert.Equal(1, _memory.Releases);
    }

    [Fact]
    public void While_turns_keep_coming_nothing_is_given_back()
    {
        Release();

        Busy(seconds: 600, megabytesPerSecond: 1);

        Assert.Equal(0, _memory.Releases);
    }

    [Fact]
    public void Work_too_small_to_be_a_burst_is_left_alone()
    {
        Release();

        Busy(seconds: 6, megabytesPerSecond: 10);
        Quiet(seconds: 600);

        Assert.Equal(0, _memory.Releases);
    }

    [Fact]
    public void The_idle_allocations_of_a_quiet_bot_do_not_count_as_traffic()
    {
        Release();

        Busy(seconds: 10, megabytesPerSecond: 10);
        for (var second = 0; second < 5; second++)
        {
            _memory.Allocated += 16 * 1024;
            Tick();
        }

        Assert.Equal(1, _memory.Releases);
    }

    [Fact]
    public void A_second_burst_soon_after_is_given_back_only_once_the_minimum_interval_has_passed()
    {
        Release();
        Busy(seconds: 10, megabytesPerSecond: 10);
        Quiet(until: () => _memory.Releases == 1, atMostSeconds: 60);
        var firstReleasedAt = _time.GetUtcNow();

        Busy(seconds: 10, megabytesPerSecond: 10);
        Quiet(until: () => _memory.Releases == 2, atMostSeconds: 600);

        Assert.Equal(2, _memory.Releases);
        Assert.Equal(TimeSpan.FromMinutes(1), _time.GetUtcNow() - firstReleasedAt);
    }

    [Fact]
    public void What_the_start_up_release_gave_back_is_not_given_back_again()
    {
        var release = Release();
        Busy(seconds: 10, megabytesPerSecond: 10);

        release.ReleaseNow();
        Quiet(seconds: 600);

        Assert.Equal(1, _memory.Releases);
    }

    [Fact]
    public async Task The_running_service_gives_memory_back_when_a_burst_is_over_and_stops_when_the_host_stops()
    {
        var release = Release();
        _memory.Allocated += 100 * Megabyte;
        Assert.Null(release.Sample());

        await release.StartAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(5));
        await _memory.Released.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await release.StopAsync(CancellationToken.None);

        Assert.Equal(1, _memory.Releases);
        Assert.True(release.ExecuteTask!.IsCompleted);
    }

    [Fact]
    public async Task Turned_off_the_service_does_not_run_at_all()
    {
        var release = Release(new MemoryOptions { ReleaseWhenIdle = false });

        _memory.Allocated += 100 * Megabyte;
        await release.StartAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(10));

        await release.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, _memory.Releases);
    }

    private IdleMemoryRelease? _current;

    public void Dispose() => _current?.Dispose();

    private IdleMemoryRelease Release(MemoryOptions? settings = null) =>
        _current = new(_memory, Options.Create(settings ?? Settings), _time, NullLogger<IdleMemoryRelease>.Instance);

    private void Busy(int seconds, int megabytesPerSecond)
    {
        for (var second = 0; second < seconds; second++)
        {
            _memory.Allocated += megabytesPerSecond * Megabyte;
            Tick();
        }
    }

    private void Quiet(int seconds)
    {
        for (var second = 0; second < seconds; second++)
        {
            Tick();
        }
    }

    /// <returns>The quiet seconds it took.</returns>
    private int Quiet(Func<bool> until, int atMostSeconds)
    {
        for (var second = 1; second <= atMostSeconds; second++)
        {
            Tick();
            if (until())
            {
                return second;
            }
        }

        return -1;
    }

    private void Tick()
    {
        _time.Advance(IdleMemoryRelease.SampleInterval);
        _current!.Sample();
    }
}
