namespace BlockBot.Channels.WebChat;

/// <summary>
/// What one turn adds to its conversation (the customer's echoed message, the bot's replies), as JSON, kept beside the
/// turn's records so a customer's message whose turn failed can still be stored with the apology.
/// </summary>
public sealed class WebChatTurnOutput(string conversationId)
{
    private readonly List<string> _items = [];
    private readonly Lock _gate = new();

    public string ConversationId { get; } = conversationId;

    /// <summary>True once the turn's commit stored these activities.</summary>
    public bool IsSaved { get; private set; }

    internal void Saved() => IsSaved = true;

    public void Add(string json)
    {
        lock (_gate)
        {
            _items.Add(json);
        }
    }

    public IReadOnlyList<string> Items
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
