using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace BlockBot.Conversation.Diagnostics;

/// <summary>
/// The bot's own instruments on the Meter <c>BlockBot</c>: turns and their latency, reminders (queued conversation
/// events) fired and how late, sends a channel's rate limiter held back, and how long tickets took staff. The
/// gauges of tickets still open are the support domain's (<c>TicketGauges</c>), on the same meter. Any System.Diagnostics.Metrics listener
/// reads them (<c>dotnet-counters monitor -n BlockBot --counters BlockBot</c>, or OpenTelemetry: see the README).
/// </summary>
public sealed class BlockBotMetrics
{
    public const string MeterName = "BlockBot";

    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _remindersFired;
    private readonly Histogram<double> _reminderLateness;
    private readonly Counter<long> _sendsDelayed;
    private readonly Histogram<double> _sendDelay;
    private readonly Histogram<double> _ticketResolutionTime;

    public BlockBotMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(MeterName);
        _turns = Meter.CreateCounter<long>("blockbot.turns", "{turn}", "Turns run, by channel and activity type");
        _turnDuration = Meter.CreateHistogram<double>("blockbot.turn.duration", "s", "How long a turn took, waiting for its conversation's lock included");
        _remindersFired = Meter.CreateCounter<long>("blockbot.reminders.fired", "{reminder}", "Reminders and other queued events delivered into a conversation, by event");
        _reminderLateness = Meter.CreateHistogram<double>("blockbot.reminder.lateness", "s", "How long after its scheduled time a reminder fired");
        _sendsDelayed = Meter.CreateCounter<long>("blockbot.sends.delayed", "{message}", "Outgoing calls a channel's rate limiter held back, by channel");
        _sendDelay = Meter.CreateHistogram<double>("blockbot.send.delay", "s", "How long the rate limiter held an outgoing call back, by channel");
        _ticketResolutionTime = Meter.CreateHistogram<double>(
            "blockbot.ticket.resolution_time", "s", "From a ticket's opening to staff marking it done or declining it, by kind and outcome");
    }

    /// <summary>The meter, created through the host's <see cref="IMeterFactory"/> (so each host has its own).</summary>
    public Meter Meter { get; }

    public void TurnCompleted(string channel, string activityType, TimeSpan duration)
    {
        var tags = new TagList { { "channel", channel }, { "activity.type", activityType } };
        _turns.Add(1, tags);
        _turnDuration.Record(duration.TotalSeconds, tags);
    }

    public void ReminderFired(string eventName, TimeSpan lateness)
    {
        var tags = new TagList { { "event", eventName } };
        _remindersFired.Add(1, tags);
        _reminderLateness.Record(Math.Max(0, lateness.TotalSeconds), tags);
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

    /// <summary>Records a ticket staff closed: <paramref name="outcome"/> is <c>done</c> or <c>declined</c>.</summary>
    public void TicketResolved(string kind, string outcome, TimeSpan sinceOpening)
    {
        var tags = new TagList { { "kind", kind }, { "outcome", outcome } };
        _ticketResolutionTime.Record(Math.Max(0, sinceOpening.TotalSeconds), tags);
    }
}
