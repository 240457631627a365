namespace BlockBot.Memory;

/// <summary>What one <see cref="IProcessMemory.Release"/> did: resident memory before and after, and the time it took.</summary>
public sealed record MemoryReleased(long ResidentBytesBefore, long ResidentBytesAfter, TimeSpan Took);
