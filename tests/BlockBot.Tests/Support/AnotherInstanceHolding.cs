using System.Collections.Concurrent;
using BlockBot.Conversation.Abstractions;

namespace BlockBot.Tests.Support;

/// <summary>
/// An <see cref="ICrossInstanceLock"/> as this instance sees it while another instance holds some of its keys: those
/// wait (or are refused to a try) until <see cref="ReleaseAll"/>; every other key is free, as across one instance.
/// </summary>
internal sealed class AnotherInstanceHolding : ICrossInstanceLock
{
    private readonly ConcurrentDictionary<(string Scope, string Key), byte> _held = new();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Hold(string scope, string key) => _held[(scope, key)] = 0;

    public void ReleaseAll()
    {
        _held.Clear();
        _released.TrySetResult();
    }

    public async Task<IAsyncDisposable> AcquireAsync(string scope, string key, CancellationToken cancellationToken)
    {
        if (_held.ContainsKey((scope, key)))
        {
            await _released.Task.WaitAsync(cancellationToken);
        }

        return Free.Instance;
    }

    public Task<IAsyncDisposable?> TryAcquireAsync(string scope, string key, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable?>(_held.ContainsKey((scope, key)) ? null : Free.Instance);

    private sealed class Free : IAsyncDisposable
    {
        public static readonly Free Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
