using System.Collections.Concurrent;
using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Tests.Telegram.Fake;

namespace BlockBot.Tests.Telegram;

/// <summary>
/// A customer in a private chat who walks <see cref="RepeatedBlockWalk"/> like a person: each message only after
/// the bot's prompt for it arrived. Their updates go to the process <c>number % 2</c> first.
/// </summary>
public sealed class WalkingCustomer(int number, DialogSet dialogs)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _saidAt = new();
    private volatile string _at = "not started";

    public int Number => number;

    public long ChatId => 40_000 + number;

    public string Line => $"Линия {number:D3}";

    public IReadOnlyList<RepeatedBlockWalk.Leg> Legs { get; } = RepeatedBlockWalk.For($"Линия {number:D3}");

    /// <summary>Where the customer is: the leg whose replies they wait for.</summary>
    public string At => _at;

    public bool Finished { get; private set; }

    /// <summary>When the customer began to send the message of the named leg (before the update left).</summary>
    public DateTimeOffset SaidAt(string leg) => _saidAt[leg];

    /// <param name="said">Called after each of the customer's messages was taken by a process.</param>
    public async Task WalkAsync(WebhookFront front, ChatFeed feed, Func<long> nextUpdateId, Action said, TimeSpan patience, CancellationToken cancellationToken)
    {
        var read = 0;
        foreach (var leg in Legs)
        {
            _at = leg.Name;
            if (leg.Says is { } text)
            {
                var update = Updates.Text(ChatId, ChatId, text);
                update["update_id"] = nextUpdateId();
                _saidAt[leg.Name] = DateTimeOffset.UtcNow;
                await front.PostAsync(update, number % front.Count, cancellationToken);
                said();
            }

            foreach (var reply in leg.Replies)
            {
                var (position, _) = await feed.WaitForAsync(
                    ChatId,
                    read,
                    reply.Matcher(dialogs),
                    () => $"customer {number}'s {reply.Text.Description} after {leg.Name}",
                    patience,
                    cancellationToken);
                read = position + 1;
            }
        }

        _at = "done";
        Finished = true;
    }
}
