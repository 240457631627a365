namespace BlockBot.Bench.WebChat;

/// <summary>What only the web chat run measures, beside the shared <see cref="BenchMeasurements"/>.</summary>
public sealed class WebChatFigures
{
    /// <summary>Opening the chat: the page's token, the conversation started, the stream opened → the greeting's last message on the stream.</summary>
    public LatencyRecorder Start { get; } = new();

    /// <summary>A customer message posted → the POST answered (the turn saved): the part of a turn before the stream.</summary>
    public LatencyRecorder Post { get; } = new();

    public WebChatBenchErrors Errors { get; } = new();
}
