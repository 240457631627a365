using BlockBot.Support.Events;
using Quartz;

namespace BlockBot.Bench;

/// <summary>
/// Watches Quartz fire the bot's triggers: how long after its scheduled time each one fired (queued
/// events are scheduled for "now", so theirs is pure scheduler latency), and how many misfired.
/// </summary>
public sealed class FireDelayListener : ITriggerListener
{
    private long _misfires;

    public string Name => "bench-fire-delay";

    /// <summary>Triggers of queued events (staff decisions), group <c>events</c>.</summary>
    public LatencyRecorder Events { get; } = new();

    /// <summary>Triggers of reminders (groups <c>case.{id}</c>).</summary>
    public LatencyRecorder Reminders { get; } = new();

    public long Misfires => Interlocked.Read(ref _misfires);

    public ValueTask TriggerFired(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (context.ScheduledFireTimeUtc is { } scheduled)
        {
            var delay = context.FireTimeUtc - scheduled;
            (EventOutbox.IsEventGroup(trigger.Key.Group) ? Events : Reminders).Record(delay < TimeSpan.Zero ? TimeSpan.Zero : delay);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask TriggerMisfired(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _misfires);
        return ValueTask.CompletedTask;
    }
}
