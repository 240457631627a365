using BlockBot.Storage;
using BlockBot.Storage.Postgres;
using BlockBot.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BlockBot.Tests.Storage;

/// <summary>
/// A lock taken while the flow holds another (a conversation's turn inside an event's delivery) goes on the holder's
/// session (ADR 0027), so holders as many as the lock pool's connections cannot starve each other, and each lock still
/// excludes the other instances on its own.
/// </summary>
public sealed class NestedAdvisoryLockTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [PostgresFact]
    public async Task Holders_filling_the_lock_pool_each_take_a_nested_lock()
    {
        const int holders = 3;
        await using var instance = Locks(lockPoolSize: holders);
        await using var otherInstance = Locks(lockPoolSize: 10);
        using var patience = new CancellationTokenSource(Patience);
        var allHolding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = 0;

        async Task<bool> DeliverAsync(int customer)
        {
            await using var events = await instance.Lock.AcquireAsync("events", $"customer-{customer}", patience.Token);
            if (Interlocked.Increment(ref holding) == holders)
            {
                allHolding.SetResult();
            }

            await allHolding.Task.WaitAsync(patience.Token);
            await using var turn = await instance.Lock.AcquireAsync("turn", $"conversation-{customer}", patience.Token);
            return await otherInstance.Lock.TryAcquireAsync("turn", $"conversation-{customer}", patience.Token) is null;
        }

        var excluded = await Task.WhenAll(Enumerable.Range(0, holders).Select(customer => Task.Run(() => DeliverAsync(customer))));

        Assert.All(excluded, Assert.True);
    }

    [PostgresFact]
    public async Task A_nested_lock_is_released_on_its_own_and_the_holders_lock_with_it_only_at_the_end()
    {
        await using var instance = Locks(lockPoolSize: 10);
        await using var otherInstance = Locks(lockPoolSize: 10);
        var other = otherInstance.Lock;

        var events = await instance.Lock.AcquireAsync("events", "customer-1", CancellationToken.None);
        var turn = await instance.Lock.AcquireAsync("turn", "conversation-1", CancellationToken.None);
        Assert.Null(await other.TryAcquireAsync("turn", "conversation-1", CancellationToken.None));
        Assert.Null(await other.TryAcquireAsync("events", "customer-1", CancellationToken.None));

        await turn.DisposeAsync();
        await using (var freed = await other.TryAcquireAsync("turn", "conversation-1", CancellationToken.None))
        {
            Assert.NotNull(freed);
        }

        Assert.Null(await other.TryAcquireAsync("events", "customer-1", CancellationToken.None));

        // The holder's next nested lock goes on the same session again.
        await using (await instance.Lock.AcquireAsync("turn", "conversation-2", CancellationToken.None))
        {
            Assert.Null(await other.TryAcquireAsync("turn", "conversation-2", CancellationToken.None));
        }

        await events.DisposeAsync();
        await using var taken = await other.TryAcquireAsync("events", "customer-1", CancellationToken.None);
        Assert.NotNull(taken);
    }

    [PostgresFact]
    public async Task Two_nested_locks_at_once_under_one_holder_both_hold_and_release()
    {
        await using var instance = Locks(lockPoolSize: 10);
        await using var otherInstance = Locks(lockPoolSize: 10);
        var other = otherInstance.Lock;
        using var patience = new CancellationTokenSource(Patience);

        await using (await instance.Lock.AcquireAsync("chat", "chat-1", patience.Token))
        {
            var both = await Task.WhenAll(
                instance.Lock.AcquireAsync("turn", "conversation-1", patience.Token),
                instance.Lock.AcquireAsync("turn", "conversation-2", patience.Token));
            Assert.Null(await other.TryAcquireAsync("turn", "conversation-1", patience.Token));
            Assert.Null(await other.TryAcquireAsync("turn", "conversation-2", patience.Token));
            await Task.WhenAll(both.Select(held => held.DisposeAsync().AsTask()));
        }

        foreach (var (scope, key) in new[] { ("chat", "chat-1"), ("turn", "conversation-1"), ("turn", "conversation-2") })
        {
            await using var freed = await other.TryAcquireAsync(scope, key, patience.Token);
            Assert.NotNull(freed);
        }
    }

    private InstanceLocks Locks(int lockPoolSize)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { MaxPoolSize = lockPoolSize }.ConnectionString;
        var connections = new PostgresConnectionFactory(Options.Create(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = connectionString }));
        return new InstanceLocks(connections, new PostgresAdvisoryLock(connections));
    }

    private sealed record InstanceLocks(PostgresConnectionFactory Connections, PostgresAdvisoryLock Lock) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Lock.DisposeAsync();
            await Connections.DisposeAsync();
        }
    }
}
