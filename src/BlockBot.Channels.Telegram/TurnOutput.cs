using BlockBot.Channels.Telegram.Sending;

namespace BlockBot.Channels.Telegram;

/// <summary>
/// What one turn says, held until the turn is over and then queued in the outbox in one go: by the turn's commit,
/// with its state, or by the caller when no turn saved it (a staff action, a failed turn).
/// </summary>
public sealed class TurnOutput
{
    private readonly List<Outgoing> _items = [];
    private readonly Lock _gate = new();

    /// <summary>The customer's update the turn answers; null for a reminder's or staff decision's turn.</summary>
    public long? UpdateId { get; init; }

    /// <summary>True once a turn's commit queued these items (and marked <see cref="UpdateId"/> handled).</summary>
    public bool IsSaved { get; private set; }

    internal void Saved() => IsSaved = true;

    public void Add(Outgoing outgoing)
    {
        lock (_gate)
        {
            _items.Add(outgoing);
        }
    }

    public IReadOnlyList<Outgoing> Items
    {
        get
        {
            lock (_gate)
            {
                return [.. _items];
            }
        }
    }
}
