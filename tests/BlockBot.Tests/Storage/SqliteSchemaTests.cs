using BlockBot.Storage;
using Dapper;
using BlockBot.Tests.Infrastructure;

namespace BlockBot.Tests.Storage;

public sealed class SqliteSchemaTests : IDisposable
{
    private readonly TempDatabase _database = new(StorageProvider.Sqlite);

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Migration_creates_the_folder_the_file_and_the_tables()
    {
        Assert.False(Directory.Exists(Path.GetDirectoryName(_database.FilePath)));

        var factory = await _database.MigrateAsync();

        Assert.True(File.Exists(_database.FilePath));
        await using var connection = await factory.OpenAsync(CancellationToken.None);
        var tables = (await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table'")).ToHashSet();
        Assert.Superset(new HashSet<string> { "schema_version", "bot_state", "conversation_references" }, tables);
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Migration_run_twice_applies_each_script_once_and_keeps_the_data()
    {
        var factory = await _database.MigrateAsync();
        var storage = TempDatabase.StorageOn(factory);
        await storage.WriteAsync(new Dictionary<string, object> { ["kept"] = new PocoItem { Count = 1 } });

        await _database.MigrateAsync();

        await using var connection = await factory.OpenAsync(CancellationToken.None);
        var versions = (await connection.QueryAsync<(long Version, string Name)>("SELECT version, name FROM schema_version")).ToList();
        List<(long, string)> expected = [(1L, "001_state"), (2L, "002_domain"), (3L, "003_telegram"), (4L, "004_bitrix24"), (5L, "005_delivered_event")];
        if (_database.Provider == StorageProvider.Postgres)
        {
            // Only instances sharing PostgreSQL share Telegram's send slots.
            expected.Add((6L, "006_telegram_send_slot"));
            expected.Add((7L, "007_telegram_stranger_notice"));
        }
        else
        {
            expected.Add((6L, "006_telegram_stranger_notice"));
        }

        expected.Add((8L, "008_telegram_quarantine"));
        expected.Add((9L, "009_unanswered_message"));
        expected.Add((10L, "010_transcript"));
        expected.Add((11L, "011_staff_desk"));
        expected.Add((12L, "012_webchat"));
        expected.Add((13L, "013_queued_event"));
        expected.Add((14L, "014_desk_figures"));
        expected.Add((16L, "016_webchat_retention"));
        expected.Add((17L, "017_handover"));

        Assert.Equal(expected, versions.OrderBy(v => v.Version));
        Assert.Single(await storage.ReadAsync(["kept"]));
    }
}
