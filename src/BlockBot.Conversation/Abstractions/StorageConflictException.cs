namespace BlockBot.Conversation.Abstractions;

/// <summary>
/// A write carried an ETag that no longer matches the stored item: someone else changed it since it was read.
/// Read again, reapply the change and write again. Derives from <see cref="ArgumentException"/> because that is
/// what Bot Builder's own MemoryStorage throws on a conflict, so code written against either catches both.
/// </summary>
public sealed class StorageConflictException : ArgumentException
{
    public StorageConflictException()
    {
    }

    public StorageConflictException(string message)
        : base(message)
    {
    }

    public StorageConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StorageConflictException(string key, string? expectedETag)
        : base($"ETag conflict on '{key}': the item was changed since ETag '{expectedETag}' was read.")
    {
        Key = key;
        ExpectedETag = expectedETag;
    }

    /// <summary>The storage key whose write was refused.</summary>
    public string? Key { get; }

    /// <summary>The ETag the write carried (null or empty when it carried none).</summary>
    public string? ExpectedETag { get; }
}
