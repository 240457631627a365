using BlockBot.Channels.Telegram.Sending;

namespace BlockBot.Channels.Telegram;

/// <summary>What one turn says, held until the turn is over and then queued in the outbox in one go.</summary>
public sealed class TurnOutput
{
    private readonly List<Outgoing> _items = [];
    private readonly Lock _gate = new();

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
