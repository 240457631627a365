using BlockBot.Memory;

namespace BlockBot.Tests.Infrastructure;

/// <summary>A process whose allocations the test sets, and which counts the times it was asked to give memory back.</summary>
public sealed class FakeProcessMemory : IProcessMemory
{
    public long Allocated { get; set; } = 1_000_000_000;

    public int Releases { get; private set; }

    public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long AllocatedBytes => Allocated;

    public MemoryReleased Release()
    {
        Releases++;
        Released.TrySetResult();
        return new MemoryReleased(200 * 1024 * 1024, 150 * 1024 * 1024, TimeSpan.FromMilliseconds(30));
    }
}
