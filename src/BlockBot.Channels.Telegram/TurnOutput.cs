using BlockBot.Channels.Telegram.Inbox;
using BlockBot.Channels.Telegram.Sending;

namespace BlockBot.Channels.Telegram;

/// <summary>
/// What one turn says, held until the turn is over and then queued in the outbox in one go: by the turn's commit,
/// with its state, or by the caller when no turn saved it (a staff action, a failed turn).
/// </summary>
public sealed class TurnOutput
{
    private readonly List<Outgoing> _items = [];
    private readonly List<Outgoing> _afterReplies = [];
    private readonly Lock _gate = new();

    /// <summary>The customer's update the turn answers; null for a reminder's or staff decision's turn.</summary>
    public long? UpdateId { get; init; }

    /// <summary>
    /// The update as received when it was never recorded in the inbox (polling handed it over, ADR 0029): the turn's
    /// commit records it handled. Null when it is recorded, or for a turn no update began.
    /// </summary>
    public ReceivedUpdate? Unrecorded { get; init; }

    /// <summary>True once a turn's commit queued these items (and marked <see cref="UpdateId"/> handled).</summary>
    public bool IsSaved { get; private set; }

    /// <summary>Called as the turn's commit queues these items, before the turn returns (polling waits for that, ADR 0029).</summary>
    public Action? OnSaved { get; init; }

    internal void Saved()
    {
        IsSaved = true;
        OnSaved?.Invoke();
    }

    public void Add(Outgoing outgoing)
    {
        lock (_gate)
        {
            _items.Add(outgoing);
        }
    }

    /// <summary>
    /// Queues <paramref name="outgoing"/> behind everything the turn says: for what only tidies up (a pressed button's
    /// keyboard taken away), which the customer should not wait for before the answer.
    /// </summary>
    public void AddAfterReplies(Outgoing outgoing)
    {
        lock (_gate)
        {
            _afterReplies.Add(outgoing);
        }
    }

    /// <summary>Everything to queue, in order: what was said, then what goes after the replies.</summary>
    public IReadOnlyList<Outgoing> Items
    {
        get
        {
            lock (_gate)
            {
                return [.. _items, .. _afterReplies];
            }
        }
    }

    /// <summary>What was said so far, without what waits for after the replies.</summary>
    internal IReadOnlyList<Outgoing> Said
    {
        get
        {
            lock (_gate)
            {
                return [.. _items];
            }
        }
    }

    /// <summary>What <see cref="AddAfterReplies"/> held back.</summary>
    internal IReadOnlyList<Outgoing> AfterReplies
    {
        get
        {
            lock (_gate)
            {
                return [.. _afterReplies];
            }
        }
    }
}
