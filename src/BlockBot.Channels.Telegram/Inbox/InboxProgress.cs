namespace BlockBot.Channels.Telegram.Inbox;

/// <summary>
/// Tells whoever waits that the inbox finished with an update (handled, given up on, or left for another attempt):
/// <see cref="Next"/> completes at the next <see cref="Report"/>. Take it before looking at the inbox, and a report
/// that comes between the look and the wait is not missed.
/// </summary>
public sealed class InboxProgress
{
    private TaskCompletionSource _next = NewSource();

    /// <summary>Completes when the inbox next finishes with an update.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Report() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult();

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
