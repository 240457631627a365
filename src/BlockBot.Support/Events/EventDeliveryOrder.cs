using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Concurrency;

namespace BlockBot.Support.Events;

/// <summary>
/// The per-customer lock under which queued events are delivered in order: in process, and across the instances
/// sharing a PostgreSQL database (an advisory lock; free on SQLite, where there is one instance).
/// </summary>
public sealed class EventDeliveryOrder(ICrossInstanceLock crossInstance)
{
    /// <summary>The <see cref="ICrossInstanceLock"/> scope of event delivery.</summary>
    public const string Scope = "events";

    public KeyedLock<string> Lock { get; } = new(StringComparer.Ordinal);

    public ICrossInstanceLock CrossInstance => crossInstance;
}
