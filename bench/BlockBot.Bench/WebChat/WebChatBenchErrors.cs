namespace BlockBot.Bench.WebChat;

/// <summary>What went wrong on the wire, over all visitors: refused or failed requests, and streams that had to reconnect.</summary>
public sealed class WebChatBenchErrors
{
    private long _requests;
    private long _reconnects;

    /// <summary>Requests answered with an error status, or that failed (a refused connection, a time-out).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Streams that closed or broke under a visitor and were opened again from the watermark, as Web Chat does.</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    public void Request() => Interlocked.Increment(ref _requests);

    public void Reconnect() => Interlocked.Increment(ref _reconnects);
}
