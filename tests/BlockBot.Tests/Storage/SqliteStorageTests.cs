using System.Net;
using BlockBot.Conversation.Abstractions;
using BlockBot.Storage.Sqlite;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using BlockBot.Tests.Infrastructure;

namespace BlockBot.Tests.Storage;

/// <summary>The IStorage contract as Bot Builder's StorageBaseTests and MemoryStorage define it, plus what a file adds.</summary>
public sealed class SqliteStorageTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Reading_missing_keys_omits_them()
    {
        var storage = await _database.CreateStorageAsync();
        await storage.WriteAsync(new Dictionary<string, object> { ["present"] = new PocoItem { Id = "1" } });

        var items = await storage.ReadAsync(["present", "missing"]);

        Assert.Equal(["present"], items.Keys);
        Assert.Empty(await storage.ReadAsync(["missing"]));
    }

    [Fact]
    public async Task Plain_objects_are_last_write_wins()
    {
        var storage = await _database.CreateStorageAsync();
        await storage.WriteAsync(new Dictionary<string, object> { ["poco"] = new PocoItem { Id = "1", Count = 1 } });
        var read = Read<PocoItem>(await storage.ReadAsync(["poco"]), "poco");

        await storage.WriteAsync(new Dictionary<string, object> { ["poco"] = new PocoItem { Id = "1", Count = 2 } });
        read.Count = 3;
        await storage.WriteAsync(new Dictionary<string, object> { ["poco"] = read });

        Assert.Equal(3, Read<PocoItem>(await storage.ReadAsync(["poco"]), "poco").Count);
    }

    [Fact]
    public async Task Typed_objects_round_trip_as_their_own_types()
    {
        var storage = await _database.CreateStorageAsync();
        await storage.WriteAsync(new Dictionary<string, object>
        {
            ["poco"] = new PocoItem { Id = "1", Count = 7 },
            ["item"] = new PocoStoreItem { Id = "2", Count = 8 },
        });

        var items = await storage.ReadAsync(["poco", "item"]);

        var poco = Assert.IsType<PocoItem>(items["poco"]);
        Assert.Equal(("1", 7), (poco.Id, poco.Count));
        var item = Assert.IsType<PocoStoreItem>(items["item"]);
        Assert.Equal(("2", 8), (item.Id, item.Count));
        Assert.False(string.IsNullOrEmpty(item.ETag));
    }

    [Fact]
    public async Task An_untyped_graph_keeps_its_types_and_leaves_date_like_text_alone()
    {
        var storage = await _database.CreateStorageAsync();
        var state = new Dictionary<string, object>
        {
            ["list"] = new List<PocoItem> { new() { Id = "a", Count = 1 } },
            ["text"] = "2025-06-01T10:00:00+03:00",
            ["number"] = 42L,
            ["json"] = new JObject { ["x"] = 1 },
        };
        await storage.WriteAsync(new Dictionary<string, object> { ["state"] = state });

        var read = Assert.IsType<Dictionary<string, object>>((await storage.ReadAsync(["state"]))["state"]);

        Assert.Equal("a", Assert.Single(Assert.IsType<List<PocoItem>>(read["list"])).Id);
        Assert.Equal("2025-06-01T10:00:00+03:00", Assert.IsType<string>(read["text"]));
        Assert.Equal(42L, read["number"]);
        Assert.Equal(1, (int)Assert.IsType<JObject>(read["json"])["x"]!);
    }

    [Fact]
    public async Task A_store_item_gets_a_new_etag_on_every_write()
    {
        var storage = await _database.CreateStorageAsync();
        await storage.WriteAsync(new Dictionary<string, object> { ["item"] = new PocoStoreItem { Id = "1" } });
        var etags = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            var item = Read<PocoStoreItem>(await storage.ReadAsync(["item"]), "item");
            etags.Add(item.ETag);
            item.Count++;
            await storage.WriteAsync(new Dictionary<string, object> { ["item"] = item });
        }

        etags.Add(Read<PocoStoreItem>(await storage.ReadAsync(["item"]), "item").ETag);

        Assert.All(etags, etag => Assert.False(string.IsNullOrEmpty(etag)));
        Assert.Equal(etags.Count, etags.Distinct().Count());
    }

    [Fact]
    public async Task A_stale_etag_throws_and_changes_nothing()
    {
        var storage = await _database.CreateStorageAsync();
        await storage.WriteAsync(new Dictionary<string, object> { ["item"] = new PocoStoreItem { Id = "1", Count = 1 } });
        var first = Read<PocoStoreItem>(await storage.ReadAsync(["item"]), "item");
        var second = Read<PocoStoreItem>(await storage.ReadAsync(["item"]), "item");
        first.Count = 2;
        await storage.WriteAsync(new Dictionary<string, object> { ["item"] = first });

        second.Count = 3;
        var conflict = await Assert.ThrowsAsync<StorageConflictException>(
            () => storage.WriteAsync(new Dictionary<string, object> { ["item"] = second }));

        Assert.Equal("item", conflict.Key);
        Assert.Equal(2, Read<PocoStoreItem>(await storage.ReadAsync(["item"]), "item").Count);
    }

    [Fact]
    public async Task A_conflict_is_an_argument_exception_like_memory_storage_throws()
    {
        foreach (var storage in new IStorage[] { new MemoryStorage(), await _database.CreateStorageAsync() })
        {
            await storage.WriteAsync(new Dictionary<string, object> { ["item"] = new PocoStoreItem { Id = "1" } });
            await Assert.ThrowsAnyAsync<ArgumentException>(
                () => storage.WriteAsync(new Dictionary<string, object> { ["item"] = new PocoStoreItem { ETag = "stale" } }));
        }
    }

    [Fact]
    public async Task The_wildcard_etag_always_overwrites()
    {
        var storage = await _database.CreateStorageAsync();
        await storage.WriteAsync(new Dictionary<string, object> { ["item"] = new PocoStoreItem { Id = "1", Count = 1 } });
        var before = Read<PocoStoreItem>(await storage.ReadAsync(["item"]), "item").ETag;

        await storage.WriteAsync(new Dictionary<string, object> { ["item"] = new PocoStoreItem { Id = "1", Count = 100, ETag = "*" } });

        var after = Read<PocoStoreItem>(await storage.ReadAsync(["item"]), "item");
        Assert.Equal(100, after.Count);
        Assert.NotEqual(before, after.ETag);
        Assert.NotEqual("*", after.ETag);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public async Task An_empty_etag_on_an_existing_item_throws(string? etag)
    {
        var storage = await _database.CreateStorageAsync();
        await storage.WriteAsync(new Dictionary<string, object> { ["item"] = new PocoStoreItem { Id = "1", Count = 1 } });

        await Assert.ThrowsAsync<StorageConflictException>(
            () => storage.WriteAsync(new Dictionary<string, object> { ["item"] = new PocoStoreItem { Id = "1", Count = 2, ETag = etag } }));

        Assert.Equal(1, Read<PocoStoreItem>(await storage.ReadAsync(["item"]), "item").Count);
    }

    [Fact]
    public async Task A_json_object_with_an_etag_is_checked_like_a_store_item()
    {
        var storage = await _database.CreateStorageAsync();
        await storage.WriteAsync(new Dictionary<string, object> { ["json"] = new JObject { ["ETag"] = null, ["n"] = 1 } });
        var read = Assert.IsType<JObject>((await storage.ReadAsync(["json"]))["json"]);
        Assert.False(string.IsNullOrEmpty((string?)read["ETag"]));

        read["n"] = 2;
        await storage.WriteAsync(new Dictionary<string, object> { ["json"] = read });

        await Assert.ThrowsAsync<StorageConflictException>(
            () => storage.WriteAsync(new Dictionary<string, object> { ["json"] = read }));
    }

    /// <summary>StorageBaseTests.UpdateObjectTest, step by step: the written object keeps its ETag, as with MemoryStorage.</summary>
    [Fact]
    public async Task The_update_sequence_of_bot_builders_conformance_tests_holds()
    {
        var storage = await _database.CreateStorageAsync();
        await storage.WriteAsync(new Dictionary<string, object>
        {
            ["pocoItem"] = new PocoItem { Id = "1", Count = 1 },
            ["pocoStoreItem"] = new PocoStoreItem { Id = "1", Count = 1 },
        });
        var loaded = await storage.ReadAsync(["pocoItem", "pocoStoreItem"]);
        var updatePocoItem = Read<PocoItem>(loaded, "pocoItem");
        var updatePocoStoreItem = Read<PocoStoreItem>(loaded, "pocoStoreItem");
        updatePocoItem.Count++;
        updatePocoStoreItem.Count++;
        await storage.WriteAsync(loaded);

        var reloaded = await storage.ReadAsync(["pocoItem", "pocoStoreItem"]);
        Assert.NotEqual(updatePocoStoreItem.ETag, Read<PocoStoreItem>(reloaded, "pocoStoreItem").ETag);
        Assert.Equal(2, Read<PocoItem>(reloaded, "pocoItem").Count);
        Assert.Equal(2, Read<PocoStoreItem>(reloaded, "pocoStoreItem").Count);

        updatePocoItem.Count = 123;
        await storage.WriteAsync(new Dictionary<string, object> { ["pocoItem"] = updatePocoItem });
        updatePocoStoreItem.Count = 123;
        await Assert.ThrowsAnyAsync<Exception>(
            () => storage.WriteAsync(new Dictionary<string, object> { ["pocoStoreItem"] = updatePocoStoreItem }));

        var final = await storage.ReadAsync(["pocoItem", "pocoStoreItem"]);
        Assert.Equal(123, Read<PocoItem>(final, "pocoItem").Count);
        Assert.Equal(2, Read<PocoStoreItem>(final, "pocoStoreItem").Count);
    }

    [Fact]
    public async Task A_conflict_anywhere_in_a_batch_writes_none_of_it()
    {
        var storage = await _database.CreateStorageAsync();
        await storage.WriteAsync(new Dictionary<string, object> { ["item"] = new PocoStoreItem { Id = "1" } });

        await Assert.ThrowsAsync<StorageConflictException>(() => storage.WriteAsync(new Dictionary<string, object>
        {
            ["fresh"] = new PocoItem { Id = "new" },
            ["item"] = new PocoStoreItem { Id = "1", ETag = "stale" },
        }));

        Assert.Empty(await storage.ReadAsync(["fresh"]));
    }

    [Fact]
    public async Task Delete_removes_the_key_and_unknown_keys_are_fine()
    {
        var storage = await _database.CreateStorageAsync();
        await storage.WriteAsync(new Dictionary<string, object> { ["delete1"] = new PocoStoreItem { Id = "1" } });

        await storage.DeleteAsync(["delete1", "unknown_key"]);
        await storage.DeleteAsync(["unknown_key"]);

        Assert.Empty(await storage.ReadAsync(["delete1"]));
    }

    [Fact]
    public async Task A_deleted_store_item_can_be_created_again_with_any_etag()
    {
        var storage = await _database.CreateStorageAsync();
        await storage.WriteAsync(new Dictionary<string, object> { ["item"] = new PocoStoreItem { Id = "1" } });
        var old = Read<PocoStoreItem>(await storage.ReadAsync(["item"]), "item");
        await storage.DeleteAsync(["item"]);

        old.Count = 5;
        await storage.WriteAsync(new Dictionary<string, object> { ["item"] = old });

        Assert.Equal(5, Read<PocoStoreItem>(await storage.ReadAsync(["item"]), "item").Count);
    }

    public static TheoryData<string> OddKeys() => new()
    {
        "!@#$%^&*()~/\\><,.?';\"`~",
        "ключ/日本語/🙂",
        "telegram/conversations/-100123/users/42",
        "it's \"quoted\"",
        "100%_done",
        "what?why=1&x",
        "line\nbreak\r\nand\ttab",
        "",
        " padded ",
        new string('k', 10_000),
    };

    [Theory]
    [MemberData(nameof(OddKeys))]
    public async Task Odd_keys_round_trip(string key)
    {
        var storage = await _database.CreateStorageAsync();
        await storage.WriteAsync(new Dictionary<string, object> { [key] = new PocoStoreItem { Id = "1" } });

        var items = await storage.ReadAsync([key, key.ToUpperInvariant() + "x"]);

        Assert.Equal("1", Read<PocoStoreItem>(items, key).Id);
        Assert.Single(items);
        await storage.DeleteAsync([key]);
        Assert.Empty(await storage.ReadAsync([key]));
    }

    [Fact]
    public async Task Keys_differing_only_in_case_are_different_keys()
    {
        var storage = await _database.CreateStorageAsync();
        await storage.WriteAsync(new Dictionary<string, object> { ["Key"] = new PocoItem { Count = 1 }, ["key"] = new PocoItem { Count = 2 } });

        var items = await storage.ReadAsync(["Key", "key"]);

        Assert.Equal(1, Read<PocoItem>(items, "Key").Count);
        Assert.Equal(2, Read<PocoItem>(items, "key").Count);
    }

    [Fact]
    public async Task Conversation_state_saves_and_loads_through_the_storage()
    {
        var property = "progress";
        await RunTurnsAsync(await _database.CreateStorageAsync(), property, ("step", "1"), ("step", "2"));

        // A new storage on the same file, as after a restart: the conversation continues where it was.
        var storage = TempDatabase.StorageOn(_database.CreateFactory());
        await RunTurnsAsync(storage, property, ("step", "3"));

        var raw = await storage.ReadAsync(["test/conversations/Conversation1"]);
        var state = Assert.IsType<Dictionary<string, object>>(raw["test/conversations/Conversation1"]);
        Assert.Equal(3, Assert.IsType<PocoItem>(state[property]).Count);
    }

    [Fact]
    public async Task Data_survives_closing_and_reopening_the_file()
    {
        var first = await _database.CreateStorageAsync();
        await first.WriteAsync(new Dictionary<string, object> { ["item"] = new PocoStoreItem { Id = "kept", Count = 9 } });
        var etag = Read<PocoStoreItem>(await first.ReadAsync(["item"]), "item").ETag;
        _database.ClearSqlitePools();

        var second = TempDatabase.StorageOn(_database.CreateFactory());
        var item = Read<PocoStoreItem>(await second.ReadAsync(["item"]), "item");

        Assert.Equal(("kept", 9, etag), (item.Id, item.Count, item.ETag));
    }

    [Fact]
    public async Task Two_storages_on_one_file_writing_with_the_same_etag_exactly_one_wins()
    {
        var seed = await _database.CreateStorageAsync();
        await seed.WriteAsync(new Dictionary<string, object> { ["item"] = new PocoStoreItem { Id = "1" } });
        IStorage[] processes =
        [
            TempDatabase.StorageOn(_database.CreateFactory()),
            TempDatabase.StorageOn(_database.CreateFactory()),
        ];

        // Read as a third process would: a storage remembers what it committed itself, not what the others did.
        var observer = _database.CreateFactory();
        for (var round = 0; round < 25; round++)
        {
            var etag = Read<PocoStoreItem>(await TempDatabase.StorageOn(observer).ReadAsync(["item"]), "item").ETag;
            using var start = new Barrier(processes.Length);
            var attempts = processes.Select((storage, index) => Task.Run(async () =>
            {
                start.SignalAndWait();
                try
                {
                    await storage.WriteAsync(new Dictionary<string, object> { ["item"] = new PocoStoreItem { Id = "1", Count = index, ETag = etag } });
                    return (Index: index, Won: true);
                }
                catch (StorageConflictException)
                {
                    return (Index: index, Won: false);
                }
            })).ToArray();

            var results = await Task.WhenAll(attempts);

            var winner = Assert.Single(results, result => result.Won);
            Assert.Equal(winner.Index, Read<PocoStoreItem>(await TempDatabase.StorageOn(observer).ReadAsync(["item"]), "item").Count);
        }
    }

    [Fact]
    public async Task Writing_a_type_outside_the_allow_list_is_refused_before_anything_is_written()
    {
        var storage = await _database.CreateStorageAsync();

        await Assert.ThrowsAsync<JsonSerializationException>(() => storage.WriteAsync(new Dictionary<string, object>
        {
            ["fine"] = new PocoItem(),
            ["cookie"] = new Cookie("name", "value"),
        }));

        Assert.Empty(await storage.ReadAsync(["fine", "cookie"]));
    }

    [Theory]
    [InlineData("""{"$type":"System.Net.Cookie, System.Net.Primitives","Name":"n","Value":"v"}""")]
    [InlineData("""{"$type":"System.Collections.Generic.List`1[[System.Net.Cookie, System.Net.Primitives]], System.Private.CoreLib","$values":[]}""")]
    [InlineData("""{"$type":"System.Windows.Data.ObjectDataProvider, PresentationFramework","MethodName":"Start"}""")]
    public async Task Reading_a_document_that_names_a_type_outside_the_allow_list_is_refused(string document)
    {
        var factory = await _database.MigrateAsync();
        await using (var connection = await factory.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(
                "INSERT INTO bot_state (key, etag, document, updated_at) VALUES ('forged', NULL, @document, '2025-01-01')",
                new { document });
        }

        var storage = TempDatabase.StorageOn(factory);

        await Assert.ThrowsAsync<JsonSerializationException>(() => storage.ReadAsync(["forged"]));
    }

    private static T Read<T>(IDictionary<string, object> items, string key) =>
        Assert.IsType<T>(items[key]);

    private static async Task RunTurnsAsync(IStorage storage, string property, params (string Says, string Replies)[] turns)
    {
        var conversationState = new ConversationState(storage);
        var progress = conversationState.CreateProperty<PocoItem>(property);
        var adapter = new TestAdapter().Use(new AutoSaveStateMiddleware(conversationState));
        TestFlow flow = new(adapter, async (turn, cancellationToken) =>
        {
            var value = await progress.GetAsync(turn, () => new PocoItem { Id = "progress" }, cancellationToken);
            value.Count++;
            await turn.SendActivityAsync(value.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
        });

        foreach (var (says, replies) in turns)
        {
            flow = flow.Test(says, replies);
        }

        await flow.StartTestAsync();
    }
}
