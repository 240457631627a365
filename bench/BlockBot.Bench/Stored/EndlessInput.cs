namespace BlockBot.Bench.Stored;

/// <summary>
/// The console channel's input held open with nothing typed, as a terminal left alone: the console-only bot stays up
/// until the host stops, whatever the bench's own standard input is.
/// </summary>
public sealed class EndlessInput : TextReader
{
    public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return null;
    }

    public override Task<string?> ReadLineAsync() => ReadLineAsync(CancellationToken.None).AsTask();

    public override string? ReadLine() => throw new NotSupportedException("The bench's console input is read asynchronously only.");
}
