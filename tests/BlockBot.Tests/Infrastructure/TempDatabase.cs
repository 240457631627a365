using BlockBot.Storage;
using BlockBot.Storage.Sqlite;
using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BlockBot.Tests.Infrastructure;

/// <summary>A database file of a test's own, in a folder under the temp path that does not exist until migrated.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Root = Path.Combine(Path.GetTempPath(), "blockbot-tests", Guid.NewGuid().ToString("N"));
        FilePath = Path.Combine(Root, "data", "blockbot.db");
    }

    /// <summary>The folder deleted at the end; the database file lives in its <c>data</c> subfolder.</summary>
    public string Root { get; }

    public string FilePath { get; }

    public string ConnectionString => $"Data Source={FilePath}";

    /// <summary>A new factory, as a second process opening the same file would have.</summary>
    public SqliteConnectionFactory CreateFactory() =>
        new(Options.Create(new StorageOptions { ConnectionString = ConnectionString }));

    public async Task<SqliteConnectionFactory> MigrateAsync()
    {
        var factory = CreateFactory();
        await new SqliteSchema(factory, NullLogger<SqliteSchema>.Instance).MigrateAsync(CancellationToken.None);
        return factory;
    }

    /// <summary>A migrated file and a storage on it, typed as the interface so tests exercise the contract.</summary>
    public async Task<IStorage> CreateStorageAsync() => StorageOn(await MigrateAsync());

    public static IStorage StorageOn(SqliteConnectionFactory factory) =>
        new SqliteStorage(factory, TimeProvider.System, NullLogger<SqliteStorage>.Instance);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
