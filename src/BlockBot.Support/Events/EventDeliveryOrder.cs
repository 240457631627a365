using BlockBot.Support.Scheduling;

namespace BlockBot.Support.Events;

/// <summary>The per-customer lock under which queued events are delivered in order (one per process).</summary>
public sealed class EventDeliveryOrder
{
    public KeyedLock Lock { get; } = new();
}
