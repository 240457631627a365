namespace BlockBot.Conversation.Abstractions;

/// <summary>The <see cref="ICrossInstanceLock"/> of a store only one instance can open: nothing to exclude.</summary>
public sealed class SingleInstanceLock : ICrossInstanceLock
{
    public Task<IAsyncDisposable> AcquireAsync(string scope, string key, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(Released.Instance);

    public Task<IAsyncDisposable?> TryAcquireAsync(string scope, string key, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable?>(Released.Instance);

    private sealed class Released : IAsyncDisposable
    {
        public static readonly Released Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
