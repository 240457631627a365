namespace BlockBot.Channels.Bitrix24;

/// <summary>The bot's id on the portal, known once registration at start has finished.</summary>
public sealed class Bitrix24Bot
{
    private readonly TaskCompletionSource<long> _id = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<long> IdAsync(CancellationToken cancellationToken) => _id.Task.WaitAsync(cancellationToken);

    public long Id => _id.Task.IsCompletedSuccessfully ? _id.Task.Result : throw new InvalidOperationException("The Bitrix24 bot is not registered yet.");

    internal void Registered(long id) => _id.TrySetResult(id);
}
