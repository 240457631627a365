using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.State;
using BlockBot.Storage.Postgres;
using BlockBot.Tests.Infrastructure;
using Dapper;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BlockBot.Tests.Storage;

/// <summary>
/// Two instances on one PostgreSQL database (ADR 0006): the turns of one conversation are serialised across
/// them by the conversation's advisory lock, so concurrent turns that each add to the state all stay.
/// </summary>
public sealed class TwoInstanceTurnTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [PostgresFact]
    public async Task Turns_of_one_conversation_spread_over_two_instances_lose_no_update()
    {
        const int turns = 20;
        await using var first = await BotHost.StartAsync(_database, new FakeTimeProvider(BotHost.Start));
        await using var second = await BotHost.StartAsync(_database, new FakeTimeProvider(BotHost.Start));

        static async Task RecordAsync(BotHost host, ITurnContext turn, CancellationToken cancellationToken)
        {
            var seen = host.Services.GetRequiredService<BotStateAccessors>().ConversationState.CreateProperty<List<string>>("seen");
            var list = await seen.GetAsync(turn, () => [], cancellationToken);

            // Give a turn on the other instance every chance to read the same state before this one writes.
            await Task.Delay(5, cancellationToken);
            list.Add(turn.Activity.Text);
        }

        await Task.WhenAll(Enumerable.Range(0, turns).Select(i =>
        {
            var host = i % 2 == 0 ? first : second;
            return Task.Run(() => host.Adapter.ProcessActivityAsync(Message(host, $"turn {i}"), (turn, ct) => RecordAsync(host, turn, ct), CancellationToken.None));
        }));

        List<string>? stored = null;
        var reader = first.Services.GetRequiredService<BotStateAccessors>().ConversationState.CreateProperty<List<string>>("seen");
        await first.Adapter.ProcessActivityAsync(Message(first, "read"), async (turn, ct) => stored = await reader.GetAsync(turn, () => [], ct), CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, turns).Select(i => $"turn {i}").Order(), stored!.Order());
    }

    [PostgresFact]
    public async Task The_advisory_lock_excludes_a_second_instance_until_released()
    {
        await using var firstInstance = new InstanceLocks(_database);
        await using var secondInstance = new InstanceLocks(_database);
        var (first, second) = (firstInstance.Lock, secondInstance.Lock);

        var held = await first.AcquireAsync("turn", "test/conversation-1", CancellationToken.None);
        var waiting = second.AcquireAsync("turn", "test/conversation-1", CancellationToken.None);
        await using (await second.AcquireAsync("turn", "test/conversation-2", CancellationToken.None))
        {
            // Another key is not held up.
        }

        await using (var connection = await firstInstance.Connections.OpenAsync(CancellationToken.None))
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") == 0)
            {
                await Task.Delay(10, deadline.Token);
            }
        }

        Assert.False(waiting.IsCompleted);
        await held.DisposeAsync();
        await using var acquired = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [PostgresFact]
    public async Task A_try_for_the_advisory_lock_is_refused_at_once_while_another_instance_holds_it()
    {
        await using var firstInstance = new InstanceLocks(_database);
        await using var secondInstance = new InstanceLocks(_database);
        var (first, second) = (firstInstance.Lock, secondInstance.Lock);

        var held = await first.AcquireAsync("events", "customer-1", CancellationToken.None);

        Assert.Null(await second.TryAcquireAsync("events", "customer-1", CancellationToken.None));
        await using (var other = await second.TryAcquireAsync("events", "customer-2", CancellationToken.None))
        {
            Assert.NotNull(other);
        }

        await held.DisposeAsync();
        await using var taken = await second.TryAcquireAsync("events", "customer-1", CancellationToken.None);
        Assert.NotNull(taken);
        Assert.Null(await first.TryAcquireAsync("events", "customer-1", CancellationToken.None));
    }

    /// <summary>One instance's advisory locks, on a connection factory of its own.</summary>
    private sealed class InstanceLocks : IAsyncDisposable
    {
        public InstanceLocks(TempDatabase database)
        {
            Connections = new PostgresConnectionFactory(Options.Create(
                new BlockBot.Storage.StorageOptions { Provider = database.Provider, ConnectionString = database.ConnectionString }));
            Lock = new PostgresAdvisoryLock(Connections);
        }

        public PostgresConnectionFactory Connections { get; }

        public PostgresAdvisoryLock Lock { get; }

        public async ValueTask DisposeAsync()
        {
            await Lock.DisposeAsync();
            await Connections.DisposeAsync();
        }
    }

    private static Activity Message(BotHost host, string text)
    {
        var activity = host.Adapter.MakeActivity(text);
        activity.Id = Guid.NewGuid().ToString("N");
        return activity;
    }
}
