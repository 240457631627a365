using BlockBot.Conversation.Abstractions;

namespace BlockBot.Bench;

/// <summary>A dialog action as the product registers it, timed.</summary>
public sealed class TimedDialogAction(IDialogAction inner, OperationTimings timings) : IDialogAction
{
    private readonly LatencyRecorder _recorder = timings.For("do: " + inner.Name);

    public string Name => inner.Name;

    public IReadOnlySet<string> Arguments => inner.Arguments;

    public string? CheckArguments(IReadOnlyDictionary<string, string> arguments) => inner.CheckArguments(arguments);

    public async Task ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            await inner.ExecuteAsync(context, cancellationToken);
        }
        finally
        {
            _recorder.Record(TimeProvider.System.GetElapsedTime(started));
        }
    }
}
