namespace BlockBot.Memory;

/// <summary>What the process has allocated so far, and giving back what it holds but no longer uses.</summary>
public interface IProcessMemory
{
    /// <summary>Bytes allocated on the managed heap since the process started; grows with the work done.</summary>
    long AllocatedBytes { get; }

    /// <summary>One aggressive, compacting full collection, then the C library's free memory back to the system.</summary>
    MemoryReleased Release();
}
