namespace BlockBot.Conversation.Abstractions;

/// <summary>
/// Mutual exclusion per key among every instance of the bot sharing the database (an advisory lock on PostgreSQL).
/// With SQLite there is one instance, and in-process locks already do the work: the lock is then free.
/// </summary>
public interface ICrossInstanceLock
{
    /// <param name="scope">What the keys name (e.g. <c>turn</c>, <c>events</c>), so equal keys of different scopes do not meet.</param>
    /// <returns>The held lock, released when disposed (and by the database if the instance dies).</returns>
    Task<IAsyncDisposable> AcquireAsync(string scope, string key, CancellationToken cancellationToken);

    /// <summary>Takes the lock if no one holds it, without waiting.</summary>
    /// <returns>The held lock, or null when another holder (another instance) has it.</returns>
    Task<IAsyncDisposable?> TryAcquireAsync(string scope, string key, CancellationToken cancellationToken);
}
