using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Bot.Schema;

namespace BlockBot.Bench;

/// <summary>
/// The simulated customers' inboxes, by conversation id: one set for the whole run, so a reply reaches its customer
/// whichever bot instance sends it (with two instances, either may deliver a customer's staff events and reminders).
/// </summary>
public sealed class BenchInboxes
{
    private readonly ConcurrentDictionary<string, Channel<Activity>> _inboxes = new(StringComparer.Ordinal);

    /// <summary>Opens the conversation's inbox; the bot's replies to it arrive on the returned reader.</summary>
    public ChannelReader<Activity> Open(string conversationId)
    {
        var inbox = Channel.CreateUnbounded<Activity>(new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });
        if (!_inboxes.TryAdd(conversationId, inbox))
        {
            throw new InvalidOperationException($"The conversation {conversationId} is already open.");
        }

        return inbox.Reader;
    }

    public void Close(string conversationId)
    {
        if (_inboxes.TryRemove(conversationId, out var inbox))
        {
            inbox.Writer.TryComplete();
        }
    }

    /// <returns>False when no customer listens on the conversation any more.</returns>
    public bool TryDeliver(string conversationId, Activity activity) =>
        _inboxes.TryGetValue(conversationId, out var inbox) && inbox.Writer.TryWrite(activity);
}
