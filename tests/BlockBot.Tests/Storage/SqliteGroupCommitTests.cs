using System.Data.Common;
using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Turns;
using BlockBot.Storage;
using BlockBot.Storage.Sql;
using BlockBot.Storage.Sqlite;
using BlockBot.Storage.Turns;
using BlockBot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace BlockBot.Tests.Storage;

/// <summary>
/// On SQLite the turns waiting to be saved share one transaction: each is still saved whole or not at all, and a
/// turn that cannot be saved fails alone.
/// </summary>
public sealed class SqliteGroupCommitTests : IDisposable
{
    private readonly TempDatabase _database = new(StorageProvider.Sqlite);
    private readonly HeldOpenWriter _held = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Turns_saved_together_fail_alone_and_the_others_are_saved()
    {
        var (factory, storage, store) = await StoreAsync();
        await storage.WriteAsync(new Dictionary<string, object> { ["shared"] = new PocoStoreItem { Count = 1 } });
        var etag = ((PocoStoreItem)(await storage.ReadAsync(["shared"]))["shared"]).ETag;

        // The first turn leads and holds its transaction open, so the five after it queue and are saved as one group.
        var leading = store.SaveAsync(Turn(new HeldOpen()), CancellationToken.None);
        await _held.Entered;
        var saving = new[]
        {
            Turn(new StateChange("first", new PocoItem { Count = 1 })),
            Turn(new StateChange("shared", new PocoStoreItem { Count = 2, ETag = etag })),
            Turn(new StateChange("shared", new PocoStoreItem { Count = 3, ETag = etag }), new EventDelivered("event-stale")),
            Turn(new StateChange("broken", new PocoItem { Count = 4 }), new MachineWentDown()),
            Turn(new StateChange("last", new PocoItem { Count = 5 }), new EventDelivered("event-last")),
        }.Select(turn => store.SaveAsync(turn, CancellationToken.None)).ToList();
        _held.Release();

        await leading;
        await saving[0];
        await saving[1];
        await Assert.ThrowsAsync<StorageConflictException>(() => saving[2]);
        await Assert.ThrowsAsync<InvalidOperationException>(() => saving[3]);
        await saving[4];
        var stored = await storage.ReadAsync(["first", "shared", "broken", "last"]);
        Assert.Equal(["first", "last", "shared"], stored.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, ((PocoStoreItem)stored["shared"]).Count);
        var delivered = new SqlDeliveredEvents(factory);
        Assert.False(await delivered.WasDeliveredAsync("event-stale", CancellationToken.None));
        Assert.True(await delivered.WasDeliveredAsync("event-last", CancellationToken.None));
    }

    [Fact]
    public async Task When_SQLite_ends_a_group_s_transaction_none_of_its_turns_is_saved_and_the_next_turn_is()
    {
        var (_, storage, store) = await StoreAsync();

        var leading = store.SaveAsync(Turn(new HeldOpen()), CancellationToken.None);
        await _held.Entered;
        var saving = new[]
        {
            Turn(new StateChange("first", new PocoItem { Count = 1 })),
            Turn(new StateChange("ended", new PocoItem { Count = 2 }), new TransactionEnded()),
            Turn(new StateChange("last", new PocoItem { Count = 3 })),
        }.Select(turn => store.SaveAsync(turn, CancellationToken.None)).ToList();
        _held.Release();

        await leading;
        foreach (var turn in saving)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => turn);
        }

        Assert.Empty(await storage.ReadAsync(["first", "ended", "last"]));
        await store.SaveAsync(Turn(new StateChange("after", new PocoItem { Count = 4 })), CancellationToken.None);
        Assert.Equal(4, ((PocoItem)(await storage.ReadAsync(["after"]))["after"]).Count);
    }

    [Fact]
    public async Task Many_turns_at_once_are_all_saved()
    {
        var (_, storage, store) = await StoreAsync();

        await Task.WhenAll(Enumerable.Range(0, 300).Select(i => Task.Run(() =>
            store.SaveAsync(Turn(new StateChange($"key-{i}", new PocoItem { Count = i })), CancellationToken.None))));

        var stored = await storage.ReadAsync([.. Enumerable.Range(0, 300).Select(i => $"key-{i}")]);
        Assert.Equal(300, stored.Count);
        Assert.All(stored, item => Assert.Equal($"key-{((PocoItem)item.Value).Count}", item.Key));
    }

    private async Task<(IDbConnectionFactory Factory, SqlStorage Storage, ITurnStore Store)> StoreAsync()
    {
        var factory = await _database.MigrateAsync();
        var storage = new SqlStorage(factory, TimeProvider.System, NullLogger<SqlStorage>.Instance);
        var store = TempDatabase.TurnStoreOn(
            factory, storage, new EventDeliveredWriter(TimeProvider.System), new MachineWentDownWriter(), new TransactionEndedWriter(), _held);
        Assert.IsType<SqliteGroupCommitTurnStore>(store);
        return (factory, storage, store);
    }

    private static TurnUnitOfWork Turn(StateChange change, params TurnRecord[] records)
    {
        var work = Turn(records);
        work.Change(change);
        return work;
    }

    private static TurnUnitOfWork Turn(params TurnRecord[] records)
    {
        var work = new TurnUnitOfWork();
        foreach (var record in records)
        {
            work.Add(record);
        }

        return work;
    }

    private sealed record HeldOpen : TurnRecord;

    /// <summary>Keeps the transaction it writes in open until the test releases it.</summary>
    private sealed class HeldOpenWriter : TurnRecordWriter<HeldOpen>
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Entered => _entered.Task;

        public void Release() => _released.TrySetResult();

        protected override async Task WriteAsync(HeldOpen record, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
        {
            _entered.TrySetResult();
            await _released.Task;
        }
    }

    private sealed record MachineWentDown : TurnRecord;

    private sealed class MachineWentDownWriter : TurnRecordWriter<MachineWentDown>
    {
        protected override Task WriteAsync(MachineWentDown record, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The turn's replies could not be queued.");
    }

    private sealed record TransactionEnded : TurnRecord;

    /// <summary>Ends the transaction as SQLite itself does on some errors (a full disk, an I/O error).</summary>
    private sealed class TransactionEndedWriter : TurnRecordWriter<TransactionEnded>
    {
        protected override async Task WriteAsync(TransactionEnded record, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "ROLLBACK";
            await command.ExecuteNonQueryAsync(cancellationToken);
            throw new InvalidOperationException("The disk is full.");
        }
    }
}
