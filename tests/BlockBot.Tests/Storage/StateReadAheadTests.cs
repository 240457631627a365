using BlockBot.Conversation.Turns;
using BlockBot.Storage.Sql;
using BlockBot.Tests.Infrastructure;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging.Abstractions;

namespace BlockBot.Tests.Storage;

/// <summary>
/// A turn reads its conversation's and its user's state in one query, and still reads what is stored: a state read
/// ahead is handed out once, and a state the turn changed meanwhile is read as the turn left it.
/// </summary>
public sealed class StateReadAheadTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task The_first_read_fetches_every_declared_key_and_a_second_read_of_one_goes_to_the_database()
    {
        var storage = new CountingStorage(new SqlStorage(await _database.MigrateAsync(), TimeProvider.System, NullLogger<SqlStorage>.Instance));
        await storage.WriteAsync(new Dictionary<string, object> { ["conversation"] = new PocoItem { Count = 1 }, ["user"] = new PocoItem { Count = 7 } });
        var work = new TurnUnitOfWork();
        work.ReadAhead.Expect("conversation");
        work.ReadAhead.Expect("user");
        work.ReadAhead.Expect("nobody-yet");
        var turnStorage = new TurnStateStorage(storage, work);

        Assert.Equal(1, Count(await turnStorage.ReadAsync(["conversation"]), "conversation"));
        Assert.Equal(7, Count(await turnStorage.ReadAsync(["user"]), "user"));
        Assert.Empty(await turnStorage.ReadAsync(["nobody-yet"]));
        Assert.Equal(1, storage.Reads);

        await storage.WriteAsync(new Dictionary<string, object> { ["user"] = new PocoItem { Count = 8 } });
        Assert.Equal(8, Count(await turnStorage.ReadAsync(["user"]), "user"));
        Assert.Equal(2, storage.Reads);
    }

    [Fact]
    public async Task A_state_the_turn_changed_is_read_as_the_turn_left_it_not_as_it_was_read_ahead()
    {
        var storage = new CountingStorage(new SqlStorage(await _database.MigrateAsync(), TimeProvider.System, NullLogger<SqlStorage>.Instance));
        await storage.WriteAsync(new Dictionary<string, object> { ["conversation"] = new PocoItem { Count = 1 }, ["user"] = new PocoItem { Count = 7 } });
        var work = new TurnUnitOfWork();
        work.ReadAhead.Expect("conversation");
        work.ReadAhead.Expect("user");
        var turnStorage = new TurnStateStorage(storage, work);

        await turnStorage.ReadAsync(["conversation"]);
        await turnStorage.WriteAsync(new Dictionary<string, object> { ["user"] = new PocoItem { Count = 9 } });

        Assert.Equal(9, Count(await turnStorage.ReadAsync(["user"]), "user"));
    }

    private static int Count(IDictionary<string, object> items, string key) => Assert.IsType<PocoItem>(items[key]).Count;

    private sealed class CountingStorage(IStorage inner) : IStorage
    {
        public int Reads { get; private set; }

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
        {
            Reads++;
            return inner.ReadAsync(keys, cancellationToken);
        }

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) =>
            inner.WriteAsync(changes, cancellationToken);

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) =>
            inner.DeleteAsync(keys, cancellationToken);
    }
}
