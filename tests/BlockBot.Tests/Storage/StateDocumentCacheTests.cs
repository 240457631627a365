using System.Data.Common;
using BlockBot.Conversation.Turns;
using BlockBot.Storage;
using BlockBot.Storage.Sql;
using BlockBot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace BlockBot.Tests.Storage;

/// <summary>
/// On SQLite the state a turn committed is read back from memory, and what is read is what the file holds; on
/// PostgreSQL, where other instances write too, every read asks the database.
/// </summary>
public sealed class StateDocumentCacheTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_committed_turn_s_state_is_read_back_as_the_file_holds_it()
    {
        var connections = new CountingConnections(await _database.MigrateAsync());
        using var storage = new SqlStorage(connections, TimeProvider.System, NullLogger<SqlStorage>.Instance);
        var work = new TurnUnitOfWork();
        await new TurnStateStorage(storage, work).WriteAsync(new Dictionary<string, object>
        {
            ["conversation"] = new PocoItem { Count = 2 },
            ["item"] = new PocoStoreItem { Count = 3, ETag = "*" },
        });
        await TempDatabase.TurnStoreOn(connections, storage).SaveAsync(work, CancellationToken.None);
        var opened = connections.Opened;

        var read = await storage.ReadAsync(["conversation", "item"]);

        Assert.Equal(2, Assert.IsType<PocoItem>(read["conversation"]).Count);
        Assert.Equal(3, Assert.IsType<PocoStoreItem>(read["item"]).Count);
        Assert.Equal(_database.Provider == StorageProvider.Sqlite ? opened : opened + 1, connections.Opened);

        // As a restarted bot reads it: the same documents, and the same ETag, so the cached one was not made up.
        using var restarted = new SqlStorage(connections, TimeProvider.System, NullLogger<SqlStorage>.Instance);
        var stored = await restarted.ReadAsync(["conversation", "item"]);
        Assert.Equal(2, Assert.IsType<PocoItem>(stored["conversation"]).Count);
        Assert.Equal(((PocoStoreItem)stored["item"]).ETag, ((PocoStoreItem)read["item"]).ETag);
    }

    [Fact]
    public async Task A_deleted_state_is_not_read_back()
    {
        using var storage = new SqlStorage(await _database.MigrateAsync(), TimeProvider.System, NullLogger<SqlStorage>.Instance);
        await storage.WriteAsync(new Dictionary<string, object> { ["conversation"] = new PocoItem { Count = 1 } });

        await storage.DeleteAsync(["conversation"]);

        Assert.Empty(await storage.ReadAsync(["conversation"]));
    }

    private sealed class CountingConnections(IDbConnectionFactory inner) : IDbConnectionFactory
    {
        private int _opened;

        public int Opened => Volatile.Read(ref _opened);

        public StorageProvider Provider => inner.Provider;

        public Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _opened);
            return inner.OpenAsync(cancellationToken);
        }
    }
}
