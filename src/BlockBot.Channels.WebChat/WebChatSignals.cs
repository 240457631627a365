using System.Collections.Concurrent;

namespace BlockBot.Channels.WebChat;

/// <summary>
/// Wakes the open streams of a conversation in this process once something was stored for it. A stream takes
/// <see cref="Next"/> before it reads, so a signal between its read and its wait is not missed; streams served by
/// another instance find the rows by polling.
/// </summary>
public sealed class WebChatSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new(StringComparer.Ordinal);

    /// <summary>A task that completes at the next <see cref="Signal"/> of the conversation.</summary>
    public Task Next(string conversationId) =>
        _waiting.GetOrAdd(conversationId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>
    /// A stream of the conversation has closed: its waiting slot is dropped, so conversations nobody watches hold no
    /// memory. Another open stream of the same conversation takes a new slot on its next read (meanwhile it polls).
    /// </summary>
    public void Release(string conversationId) => _waiting.TryRemove(conversationId, out _);

    public void Signal(string conversationId)
    {
        if (_waiting.TryRemove(conversationId, out var waiting))
        {
            waiting.TrySetResult();
        }
    }
}
