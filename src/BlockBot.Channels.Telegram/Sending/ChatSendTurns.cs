namespace BlockBot.Channels.Telegram.Sending;

/// <summary>
/// Each chat's <see cref="SendTurns"/> while it matters: from the first send that asks for it until nobody holds or
/// waits for the chat's turn and the gap after its last send has passed. Then a fresh one behaves the same, so idle
/// chats are dropped — looked for whenever the chats kept have doubled since the last look, which keeps their number
/// within twice those in use (or in their gap) at a cost spread over the sends. A chat in use is never dropped, so two
/// senders never hold one chat's turn at once.
/// </summary>
internal sealed class ChatSendTurns(TimeProvider time) : IDisposable
{
    /// <summary>Kept without looking for idle ones: a lookup table this small costs less than looking.</summary>
    internal const int FewestLookedAt = 1024;

    private readonly Dictionary<long, Chat> _chats = [];
    private readonly Lock _gate = new();
    private int _lookAt = FewestLookedAt;

    /// <summary>How many chats are kept now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _chats.Count;
            }
        }
    }

    /// <summary>The chat's turns, kept until the matching <see cref="Return"/>.</summary>
    public SendTurns Take(long chatId)
    {
        lock (_gate)
        {
            if (!_chats.TryGetValue(chatId, out var chat))
            {
                if (_chats.Count >= _lookAt)
                {
                    DropIdle();
                }

                chat = new Chat(new SendTurns(time));
                _chats.Add(chatId, chat);
            }

            chat.Users++;
            return chat.Turns;
        }
    }

    public void Return(long chatId)
    {
        lock (_gate)
        {
            _chats[chatId].Users--;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var chat in _chats.Values)
            {
                chat.Turns.Dispose();
            }
        }
    }

    private void DropIdle()
    {
        var now = time.GetUtcNow();
        foreach (var (chatId, chat) in _chats)
        {
            if (chat.Users == 0 && chat.Turns.IsIdleAt(now))
            {
                _chats.Remove(chatId);
                chat.Turns.Dispose();
            }
        }

        _lookAt = Math.Max(FewestLookedAt, 2 * _chats.Count);
    }

    private sealed class Chat(SendTurns turns)
    {
        public SendTurns Turns { get; } = turns;

        /// <summary>Sends that hold or wait for the chat's turn; changed under the table's lock only.</summary>
        public int Users { get; set; }
    }
}
