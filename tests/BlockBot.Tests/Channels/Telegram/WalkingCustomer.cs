using System.Collections.Concurrent;
using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Tests.Channels.Telegram.Fake;

namespace BlockBot.Tests.Channels.Telegram;

/// <summary>
/// A customer in a private chat who walks <see cref="RepeatedBlockWalk"/> like a person: each message only after
/// the bot's messages it answers arrived (those of the leg just before it, in order), and at the end until the
/// goodbye. What else the chat gets is read afterwards (<see cref="ChatReading"/>). Their updates go to the process
/// <c>number % 2</c> first. A customer whose cue does not come stops there and says where (<see cref="Stuck"/>).
/// </summary>
public sealed class WalkingCustomer(int number, DialogSet dialogs)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _saidAt = new();
    private readonly ConcurrentQueue<string> _updates = new();
    private volatile string _at = "not started";

    public int Number => number;

    public long ChatId => 40_000 + number;

    public string Line => $"Линия {number:D3}";

    public IReadOnlyList<RepeatedBlockWalk.Leg> Legs { get; } = RepeatedBlockWalk.For($"Линия {number:D3}");

    /// <summary>Where the customer is: what they wait for.</summary>
    public string At => _at;

    public bool Finished { get; private set; }

    /// <summary>Why the customer stopped short of the goodbye, with the chat as it stood; null when they did not.</summary>
    public string? Stuck { get; private set; }

    /// <summary>Each of the customer's updates: the leg, its id, the process that took it and when it was sent.</summary>
    public IReadOnlyList<string> UpdatesSent => [.. _updates];

    /// <summary>When the customer began to send the message of the named leg (before the update left); null if they did not get there.</summary>
    public DateTimeOffset? SaidAt(string leg) => _saidAt.TryGetValue(leg, out var at) ? at : null;

    /// <param name="said">Called after each of the customer's messages was taken by a process.</param>
    public async Task WalkAsync(WebhookFront front, ChatFeed feed, Func<long> nextUpdateId, Action said, TimeSpan patience, CancellationToken cancellationToken)
    {
        var read = 0;
        for (var i = 0; i < Legs.Count; i++)
        {
            if (Legs[i].Says is not { } text)
            {
                continue;
            }

            if (i > 0)
            {
                if (await HearAsync(feed, Legs[i - 1], read, patience, cancellationToken) is not { } next)
                {
                    return;
                }

                read = next;
            }

            var update = Updates.Text(ChatId, ChatId, text);
            var id = nextUpdateId();
            update["update_id"] = id;
            _at = $"sending {Legs[i].Name}";
            var sentAt = DateTimeOffset.UtcNow;
            _saidAt[Legs[i].Name] = sentAt;
            var process = await front.PostAsync(update, number % front.Count, cancellationToken);
            _updates.Enqueue($"{Legs[i].Name}: update {id} at {sentAt:HH:mm:ss.fff} to {process}");
            said();
        }

        if (await HearAsync(feed, Legs[^1], read, patience, cancellationToken) is not null)
        {
            _at = "done";
            Finished = true;
        }
    }

    /// <returns>The position after the leg's last reply; null when one did not come in time (then <see cref="Stuck"/> says which).</returns>
    private async Task<int?> HearAsync(ChatFeed feed, RepeatedBlockWalk.Leg leg, int from, TimeSpan patience, CancellationToken cancellationToken)
    {
        var read = from;
        foreach (var reply in leg.Replies)
        {
            _at = $"waiting for {reply.Text.Description} after {leg.Name}";
            if (await feed.WaitForAsync(ChatId, read, reply.Matcher(dialogs), patience, cancellationToken) is not { } found)
            {
                Stuck = $"customer {number} timed out after {patience.TotalSeconds} s {_at}; the chat from position {from + 1}:{Environment.NewLine}{feed.Describe(ChatId, from)}";
                return null;
            }

            read = found.Position + 1;
        }

        return read;
    }
}
