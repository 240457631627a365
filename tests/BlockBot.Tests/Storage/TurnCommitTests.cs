using System.Data.Common;
using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Turns;
using BlockBot.Storage;
using BlockBot.Storage.Sql;
using BlockBot.Storage.Turns;
using BlockBot.Support.Events;
using BlockBot.Tests.Infrastructure;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace BlockBot.Tests.Storage;

/// <summary>
/// A turn's state, what it says and the mark that its update or event is handled are saved in one transaction:
/// a crash before the commit leaves none of it, so the update or event runs again from where it was, once.
/// </summary>
public sealed class TurnCommitTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task State_written_during_a_turn_is_read_back_in_it_and_reaches_the_database_only_with_the_commit()
    {
        var factory = await _database.MigrateAsync();
        var storage = new SqlStorage(factory, TimeProvider.System, NullLogger<SqlStorage>.Instance);
        var work = new TurnUnitOfWork();
        var turnStorage = new TurnStateStorage(storage, work);

        await turnStorage.WriteAsync(new Dictionary<string, object> { ["state"] = new PocoItem { Count = 2 } });
        Assert.Equal(2, Assert.IsType<PocoItem>((await turnStorage.ReadAsync(["state"]))["state"]).Count);
        Assert.Empty(await storage.ReadAsync(["state"]));

        await TurnStore(factory, storage).SaveAsync(work, CancellationToken.None);
        Assert.Equal(2, Assert.IsType<PocoItem>((await storage.ReadAsync(["state"]))["state"]).Count);
    }

    [Fact]
    public async Task A_commit_that_fails_part_way_saves_neither_the_state_nor_the_delivery_mark()
    {
        var factory = await _database.MigrateAsync();
        var storage = new SqlStorage(factory, TimeProvider.System, NullLogger<SqlStorage>.Instance);
        await storage.WriteAsync(new Dictionary<string, object> { ["state"] = new PocoItem { Count = 1 } });
        var delivered = new SqlDeliveredEvents(factory);
        var work = new TurnUnitOfWork();
        await new TurnStateStorage(storage, work).WriteAsync(new Dictionary<string, object> { ["state"] = new PocoItem { Count = 2 } });
        work.Add(new EventDelivered("event-1"));
        work.Add(new MachineWentDown());
        work.OnCommitted(() => throw new InvalidOperationException("A failed commit is not committed."));

        await Assert.ThrowsAsync<InvalidOperationException>(() => TurnStore(factory, storage).SaveAsync(work, CancellationToken.None));

        Assert.Equal(1, Assert.IsType<PocoItem>((await storage.ReadAsync(["state"]))["state"]).Count);
        Assert.False(await delivered.WasDeliveredAsync("event-1", CancellationToken.None));
    }

    [Fact]
    public async Task A_turn_whose_state_was_changed_by_someone_else_since_it_read_it_saves_nothing()
    {
        var factory = await _database.MigrateAsync();
        var storage = new SqlStorage(factory, TimeProvider.System, NullLogger<SqlStorage>.Instance);
        await storage.WriteAsync(new Dictionary<string, object> { ["state"] = new PocoStoreItem { Count = 1, ETag = "*" } });
        var work = new TurnUnitOfWork();
        var turnStorage = new TurnStateStorage(storage, work);
        var read = Assert.IsType<PocoStoreItem>((await turnStorage.ReadAsync(["state"]))["state"]);
        await storage.WriteAsync(new Dictionary<string, object> { ["state"] = new PocoStoreItem { Count = 5, ETag = read.ETag } });
        read.Count = 2;
        await turnStorage.WriteAsync(new Dictionary<string, object> { ["state"] = read });
        work.Add(new EventDelivered("event-1"));

        await Assert.ThrowsAsync<StorageConflictException>(() => TurnStore(factory, storage).SaveAsync(work, CancellationToken.None));

        Assert.Equal(5, Assert.IsType<PocoStoreItem>((await storage.ReadAsync(["state"]))["state"]).Count);
        Assert.False(await new SqlDeliveredEvents(factory).WasDeliveredAsync("event-1", CancellationToken.None));
    }

    [Fact]
    public async Task An_event_delivered_again_by_a_rerun_job_reaches_the_customer_once()
    {
        await using var host = await BotHost.StartAsync(_database, new FakeTimeProvider(BotHost.Start));
        await new TestFlow(host.Adapter, host.Bot).Send("/help").StartTestAsync();
        await host.WaitForIdleAsync();
        while (host.Adapter.GetNextReply() is not null)
        {
        }

        var events = host.Services.GetRequiredService<IConversationEvents>();
        var customer = new CustomerId(Microsoft.Bot.Connector.Channels.Test, "customer-1");
        var values = new Dictionary<string, string> { ["staff"] = "Anna", ["text"] = "Queue cleared" };

        Assert.Equal(EventDelivery.Delivered, await events.DispatchAsync(customer, EventNames.StaffMessage, values, "delivery-1", CancellationToken.None));
        Assert.Equal(EventDelivery.AlreadyDelivered, await events.DispatchAsync(customer, EventNames.StaffMessage, values, "delivery-1", CancellationToken.None));
        Assert.Equal(EventDelivery.Delivered, await events.DispatchAsync(customer, EventNames.StaffMessage, values, "delivery-2", CancellationToken.None));

        var replies = new List<string>();
        while (host.Adapter.GetNextReply() is IMessageActivity reply)
        {
            replies.Add(reply.Text);
        }

        Assert.Equal(2, replies.Count(r => r.Contains("Queue cleared", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Turns_one_after_another_on_one_store_clear_a_state_write_it_again_and_refuse_a_stale_one()
    {
        var factory = await _database.MigrateAsync();
        var storage = new SqlStorage(factory, TimeProvider.System, NullLogger<SqlStorage>.Instance);
        var store = TurnStore(factory, storage);
        await storage.WriteAsync(new Dictionary<string, object> { ["state"] = new PocoItem { Count = 1 }, ["item"] = new PocoStoreItem { Count = 1 } });
        var etag = ((PocoStoreItem)(await storage.ReadAsync(["item"]))["item"]).ETag;

        var clearing = new TurnUnitOfWork();
        await new TurnStateStorage(storage, clearing).DeleteAsync(["state"]);
        await store.SaveAsync(clearing, CancellationToken.None);
        Assert.Empty(await storage.ReadAsync(["state"]));

        var writing = new TurnUnitOfWork();
        await new TurnStateStorage(storage, writing).WriteAsync(new Dictionary<string, object> { ["state"] = new PocoItem { Count = 3 }, ["item"] = new PocoStoreItem { Count = 2, ETag = etag } });
        await store.SaveAsync(writing, CancellationToken.None);

        var stale = new TurnUnitOfWork();
        await new TurnStateStorage(storage, stale).WriteAsync(new Dictionary<string, object> { ["state"] = new PocoItem { Count = 4 }, ["item"] = new PocoStoreItem { Count = 3, ETag = etag } });
        await Assert.ThrowsAsync<StorageConflictException>(() => store.SaveAsync(stale, CancellationToken.None));

        var stored = await new SqlStorage(factory, TimeProvider.System, NullLogger<SqlStorage>.Instance).ReadAsync(["state", "item"]);
        Assert.Equal(3, ((PocoItem)stored["state"]).Count);
        Assert.Equal(2, ((PocoStoreItem)stored["item"]).Count);
    }

    private static ITurnStore TurnStore(IDbConnectionFactory factory, SqlStorage storage) =>
        TempDatabase.TurnStoreOn(factory, storage, new EventDeliveredWriter(TimeProvider.System), new MachineWentDownWriter());

    private sealed record MachineWentDown : TurnRecord;

    private sealed class MachineWentDownWriter : TurnRecordWriter<MachineWentDown>
    {
        protected override Task WriteAsync(MachineWentDown record, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The machine went down here.");
    }
}
