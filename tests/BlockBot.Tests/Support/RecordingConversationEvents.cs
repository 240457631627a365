using System.Collections.Concurrent;
using System.Threading.Channels;
using BlockBot.Conversation.Abstractions;

namespace BlockBot.Tests.Support;

/// <summary>
/// Stands in for the conversation engine: records every dispatch and lets a test await the next one.
/// It can be told to throw on its first calls, or to report the customer unreachable.
/// </summary>
internal sealed class RecordingConversationEvents : IConversationEvents
{
    private readonly Channel<SentEvent> _calls = Channel.CreateUnbounded<SentEvent>();
    private int _failuresLeft;

    public ConcurrentQueue<SentEvent> Calls { get; } = new();

    public int FailingCalls
    {
        set => _failuresLeft = value;
    }

    public bool Reachable { get; set; } = true;

    /// <summary>What a failing call does before it throws, as a turn that fails after its actions ran.</summary>
    public Func<Task>? BeforeFailing { get; set; }

    /// <summary>What a call that succeeds does before it returns, as the actions of the event's turn.</summary>
    public Func<Task>? TurnActions { get; set; }

    public async Task<EventDelivery> DispatchAsync(CustomerId customer, string eventName, IReadOnlyDictionary<string, string> values, string? deliveryId, CancellationToken cancellationToken)
    {
        var call = new SentEvent(customer, eventName, values, deliveryId);
        Calls.Enqueue(call);
        _calls.Writer.TryWrite(call);
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            if (BeforeFailing is { } before)
            {
                await before();
            }

            throw new InvalidOperationException("The channel is not running yet.");
        }

        if (TurnActions is { } actions)
        {
            await actions();
        }

        return Reachable ? EventDelivery.Delivered : EventDelivery.Unreachable;
    }

    public async Task<SentEvent> NextCallAsync() => await _calls.Reader.ReadAsync().AsTask().WaitAsync(TestTimeouts.Generous);
}
