using System.Diagnostics;
using System.Diagnostics.Metrics;
using BlockBot.Conversation.Diagnostics;

namespace BlockBot.Support.Diagnostics;

/// <summary>
/// The support domain's instruments, on the bot's Meter <c>BlockBot</c> (<see cref="BlockBotMetrics.MeterName"/>):
/// reminders (queued conversation events) fired and how late, and how long tickets took staff. The gauges of tickets
/// still open are <see cref="TicketGauges"/>'.
/// </summary>
public sealed class SupportMetrics
{
    private readonly Counter<long> _remindersFired;
    private readonly Histogram<double> _reminderLateness;
    private readonly Histogram<double> _ticketResolutionTime;

    public SupportMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);

        // The factory hands out one Meter per name, so these instruments sit on the engine's meter.
        Meter = meters.Create(BlockBotMetrics.MeterName);
        _remindersFired = Meter.CreateCounter<long>("blockbot.reminders.fired", "{reminder}", "Reminders and other queued events delivered into a conversation, by event");
        _reminderLateness = Meter.CreateHistogram<double>("blockbot.reminder.lateness", "s", "How long after its scheduled time a reminder fired");
        _ticketResolutionTime = Meter.CreateHistogram<double>(
            "blockbot.ticket.resolution_time", "s", "From a ticket's opening to staff marking it done or declining it, by kind and outcome");
    }

    public Meter Meter { get; }

    /// <summary>A reminder or a queued event (a staff decision, a relay) reached its conversation, <paramref name="lateness"/> after it was due.</summary>
    public void EventDelivered(string eventName, TimeSpan lateness)
    {
        var tags = new TagList { { "event", eventName } };
        _remindersFired.Add(1, tags);
        _reminderLateness.Record(Math.Max(0, lateness.TotalSeconds), tags);
    }

    /// <summary>Records a ticket staff closed: <paramref name="outcome"/> is <c>done</c> or <c>declined</c>.</summary>
    public void TicketResolved(string kind, string outcome, TimeSpan sinceOpening)
    {
        var tags = new TagList { { "kind", kind }, { "outcome", outcome } };
        _ticketResolutionTime.Record(Math.Max(0, sinceOpening.TotalSeconds), tags);
    }
}
