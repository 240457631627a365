using System.Collections.Concurrent;
using BlockBot.Support.Staff;
using BlockBot.Support.Tickets;

namespace BlockBot.Tests.Infrastructure;

/// <summary>A staff chat that remembers what it was asked to show; it can be told to fail its first posts.</summary>
public sealed class RecordingStaffChat : IStaffChat
{
    private readonly TaskCompletionSource<HandoffTicket> _firstPost = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _cards;
    private int _failuresLeft;

    public ConcurrentQueue<HandoffTicket> Posted { get; } = new();

    public ConcurrentQueue<HandoffTicket> Updated { get; } = new();

    public ConcurrentQueue<(HandoffTicket Ticket, string Text)> Relayed { get; } = new();

    public int FailingPosts
    {
        set => _failuresLeft = value;
    }

    public Task<HandoffTicket> FirstPost => _firstPost.Task;

    public Task<string?> PostTicketAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new HttpRequestException("The staff chat is down.");
        }

        Posted.Enqueue(ticket);
        _firstPost.TrySetResult(ticket);
        return Task.FromResult<string?>($"card-{Interlocked.Increment(ref _cards)}");
    }

    public Task UpdateTicketAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        Updated.Enqueue(ticket);
        return Task.CompletedTask;
    }

    public Task RelayFromCustomerAsync(HandoffTicket ticket, string text, CancellationToken cancellationToken)
    {
        Relayed.Enqueue((ticket, text));
        return Task.CompletedTask;
    }
}
