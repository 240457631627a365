using BlockBot.Tests.Channels.Telegram.Fake;

namespace BlockBot.Tests.Channels.Telegram;

/// <summary>
/// Every message the fake accepted, filed by chat as it arrives, for hundreds of readers waiting at once
/// (<see cref="FakeBotApi.Sent"/> copies the whole list on each look; this reads only what is new).
/// </summary>
public sealed class ChatFeed : IAsyncDisposable
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(20);

    private readonly FakeBotApi _fake;
    private readonly Dictionary<long, List<SentMessage>> _byChat = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pulling;
    private int _read;

    public ChatFeed(FakeBotApi fake)
    {
        _fake = fake;
        _pulling = PullAsync();
    }

    public IReadOnlyList<SentMessage> Of(long chatId)
    {
        lock (_gate)
        {
            return _byChat.TryGetValue(chatId, out var messages) ? [.. messages] : [];
        }
    }

    /// <summary>
    /// The first message of the chat at or after position <paramref name="from"/> that matches, with its position;
    /// null when none came within <paramref name="timeout"/>.
    /// </summary>
    public async Task<(int Position, SentMessage Message)?> WaitForAsync(long chatId, int from, Func<SentMessage, bool> match, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        var looked = from;
        while (true)
        {
            lock (_gate)
            {
                if (_byChat.TryGetValue(chatId, out var messages))
                {
                    for (; looked < messages.Count; looked++)
                    {
                        if (match(messages[looked]))
                        {
                            return (looked, messages[looked]);
                        }
                    }
                }
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                return null;
            }

            await Task.Delay(Pause * 2, cancellationToken);
        }
    }

    /// <summary>The chat's messages from a position on, one line each, for a failure message.</summary>
    public string Describe(long chatId, int from) =>
        string.Join(Environment.NewLine, Of(chatId).Skip(from).Select((m, i) => $"  {from + i + 1}. #{m.MessageId} at {m.At:HH:mm:ss.fff}: {FirstLine(m.Text)}"));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pulling;
        _stop.Dispose();
    }

    public static string FirstLine(string text) => text.Split('\n')[0];

    private async Task PullAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var fresh = _fake.SentFrom(_read);
            _read += fresh.Count;
            lock (_gate)
            {
                foreach (var message in fresh)
                {
                    if (!_byChat.TryGetValue(message.ChatId, out var messages))
                    {
                        _byChat[message.ChatId] = messages = [];
                    }

                    messages.Add(message);
                }
            }

            try
            {
                await Task.Delay(Pause, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
