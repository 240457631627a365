using System.Collections.Concurrent;

namespace BlockBot.Bench;

/// <summary>What the simulated customers measure, shared by all of them.</summary>
public sealed class BenchMeasurements
{
    private const int MaxSamples = 5;

    private readonly ConcurrentQueue<string> _unexpectedSamples = new();
    private readonly ConcurrentDictionary<string, long> _outOfOrderKinds = new(StringComparer.Ordinal);
    private readonly List<(string Step, LatencyRecorder Turns)> _turnsByStep = [];
    private long _unexpected;
    private long _outOfOrder;

    /// <summary>One customer message: sent → its turn finished (its replies are out by then).</summary>
    public LatencyRecorder CustomerTurn { get; } = new();

    /// <summary>The same, for each message of the path (the step's name), in the order of the path.</summary>
    public IReadOnlyList<(string Step, LatencyRecorder Turns)> TurnsByStep
    {
        get
        {
            lock (_turnsByStep)
            {
                return [.. _turnsByStep];
            }
        }
    }

    /// <summary>A whole conversation: /start → goodbye, the chats-only period included.</summary>
    public LatencyRecorder Procedure { get; } = new();

    /// <summary>The clearing ticket posted (end of that turn) → the customer told it is done and asked to reconnect.</summary>
    public LatencyRecorder StaffRoundTrip { get; } = new();

    /// <summary>Staff's "done" stored → the customer told it is done and asked to reconnect: the bot's part of the round trip.</summary>
    public LatencyRecorder StaffDoneToCustomer { get; } = new();

    /// <summary>
    /// How long after its due time the chats_only_end reminder reached the customer. Due is taken as the moment the
    /// "connected" message was sent plus the period, a little before the real due time, so this is an upper bound.
    /// </summary>
    public LatencyRecorder ReminderDelay { get; } = new();

    /// <summary>Bot messages no step of the path expected at that point (an error text, a doubled message, …).</summary>
    public long Unexpected => Interlocked.Read(ref _unexpected);

    /// <summary>Groups of expected messages (one turn's, or one proactive stretch's) that came in another order than the dialog says them.</summary>
    public long OutOfOrder => Interlocked.Read(ref _outOfOrder);

    public IReadOnlyCollection<string> UnexpectedSamples => _unexpectedSamples;

    /// <summary>"X came before Y", with how often.</summary>
    public IReadOnlyDictionary<string, long> OutOfOrderKinds => _outOfOrderKinds;

    public void RecordTurn(string step, TimeSpan duration)
    {
        CustomerTurn.Record(duration);
        LatencyRecorder turns;
        lock (_turnsByStep)
        {
            var index = _turnsByStep.FindIndex(s => s.Step == step);
            if (index < 0)
            {
                _turnsByStep.Add((step, new LatencyRecorder()));
                index = _turnsByStep.Count - 1;
            }

            turns = _turnsByStep[index].Turns;
        }

        turns.Record(duration);
    }

    public void AddUnexpected(string text)
    {
        if (Interlocked.Increment(ref _unexpected) <= MaxSamples)
        {
            _unexpectedSamples.Enqueue(text.Length > 120 ? text[..120] + "…" : text);
        }
    }

    public void AddOutOfOrder(ReplyPattern came, ReplyPattern overtaken)
    {
        Interlocked.Increment(ref _outOfOrder);
        _outOfOrderKinds.AddOrUpdate($"{came} came before {overtaken}", 1, (_, n) => n + 1);
    }
}
