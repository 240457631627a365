using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Events;

namespace BlockBot.Tests.Support;

/// <summary>
/// The outbox as a second instance saw it: its first listing is a snapshot taken earlier, before the first instance
/// acted on those events; everything else is the real table. <see cref="ListedAgain"/> completes when the dispatcher
/// reads again, which it does only once it is done with the snapshot.
/// </summary>
internal sealed class StaleListingQueue(IQueuedEvents real, IReadOnlyList<QueuedEvent> snapshot) : IQueuedEvents
{
    private readonly TaskCompletionSource _listedAgain = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _listings;

    public Task ListedAgain => _listedAgain.Task;

    public Task<IReadOnlyList<QueuedEvent>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _listings) == 1)
        {
            return Task.FromResult(snapshot);
        }

        _listedAgain.TrySetResult();
        return real.ListDueAsync(now, limit, cancellationToken);
    }

    public Task AddAsync(CustomerId customer, string eventName, IReadOnlyDictionary<string, string> values, string deliveryId, DateTimeOffset queuedAt, CancellationToken cancellationToken) =>
        real.AddAsync(customer, eventName, values, deliveryId, queuedAt, cancellationToken);

    public Task<QueuedEvent?> FindAsync(long id, CancellationToken cancellationToken) => real.FindAsync(id, cancellationToken);

    public Task PostponeAsync(long id, int failedAttempts, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken) =>
        real.PostponeAsync(id, failedAttempts, nextAttemptAt, cancellationToken);

    public Task RemoveAsync(long id, CancellationToken cancellationToken) => real.RemoveAsync(id, cancellationToken);

    public Task RemoveForCustomerAsync(CustomerId customer, CancellationToken cancellationToken) => real.RemoveForCustomerAsync(customer, cancellationToken);
}
