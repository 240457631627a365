using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace BlockBot.Conversation.Diagnostics;

/// <summary>
/// The engine's and the channels' instruments on the Meter <c>BlockBot</c>: turns and their latency, and sends a
/// channel's rate limiter held back. The domain adds its own instruments to the same meter. Any
/// System.Diagnostics.Metrics listener reads them (<c>dotnet-counters monitor -n BlockBot --counters BlockBot</c>, or
/// OpenTelemetry: see the README).
/// </summary>
public sealed class BlockBotMetrics
{
    public const string MeterName = "BlockBot";

    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _sendsDelayed;
    private readonly Histogram<double> _sendDelay;
    private readonly UpDownCounter<long> _turnsAwaitingAdmission;
    private readonly Histogram<double> _admissionWait;

    public BlockBotMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(MeterName);
        _turns = Meter.CreateCounter<long>("blockbot.turns", "{turn}", "Turns run, by channel and activity type");
        _turnDuration = Meter.CreateHistogram<double>("blockbot.turn.duration", "s", "How long a turn took, waiting for its conversation's lock included");
        _sendsDelayed = Meter.CreateCounter<long>("blockbot.sends.delayed", "{message}", "Outgoing calls a channel's rate limiter held back, by channel");
        _sendDelay = Meter.CreateHistogram<double>("blockbot.send.delay", "s", "How long the rate limiter held an outgoing call back, by channel");
        _turnsAwaitingAdmission = Meter.CreateUpDownCounter<long>("blockbot.turns.awaiting_admission", "{turn}", "Customers' turns waiting for one of the instance's turn slots");
        _admissionWait = Meter.CreateHistogram<double>("blockbot.turn.admission.wait", "s", "How long a customer's turn that found every slot taken waited for one");
    }

    /// <summary>The meter, created through the host's <see cref="IMeterFactory"/> (so each host has its own).</summary>
    public Meter Meter { get; }

    public void TurnCompleted(string channel, string activityType, TimeSpan duration)
    {
        var tags = new TagList { { "channel", channel }, { "activity.type", activityType } };
        _turns.Add(1, tags);
        _turnDuration.Record(duration.TotalSeconds, tags);
    }

    /// <summary>A customer's turn found every turn slot taken and waits for one; dispose the result once it has one (or gave up).</summary>
    public AdmissionWait AwaitingAdmission()
    {
        _turnsAwaitingAdmission.Add(1);
        return new AdmissionWait(this, Stopwatch.GetTimestamp());
    }

    /// <summary>Records a wait imposed by a rate limiter; waits under a millisecond are not delays.</summary>
    public void SendWaited(string channel, TimeSpan waited)
    {
        if (waited < TimeSpan.FromMilliseconds(1))
        {
            return;
        }

        var tags = new TagList { { "channel", channel } };
        _sendsDelayed.Add(1, tags);
        _sendDelay.Record(waited.TotalSeconds, tags);
    }

    /// <summary>One customer's turn waiting for a slot, from <see cref="AwaitingAdmission"/>.</summary>
    public readonly struct AdmissionWait(BlockBotMetrics metrics, long began) : IDisposable
    {
        public void Dispose()
        {
            metrics._turnsAwaitingAdmission.Add(-1);
            metrics._admissionWait.Record(Stopwatch.GetElapsedTime(began).TotalSeconds);
        }
    }
}
