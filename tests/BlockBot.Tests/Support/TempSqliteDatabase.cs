using BlockBot.Storage;
using BlockBot.Storage.Sqlite;
using BlockBot.Storage.Sqlite.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BlockBot.Tests.Support;

/// <summary>A fresh SQLite file in the temp folder with the schema applied; deleted on dispose.</summary>
internal sealed class TempSqliteDatabase : IAsyncDisposable
{
    private TempSqliteDatabase(string path, SqliteConnectionFactory connections)
    {
        FilePath = path;
        Connections = connections;
        Cases = new SqliteCaseRepository(connections);
        Tickets = new SqliteTicketRepository(connections);
    }

    public string FilePath { get; }

    public SqliteConnectionFactory Connections { get; }

    public SqliteCaseRepository Cases { get; }

    public SqliteTicketRepository Tickets { get; }

    public static async Task<TempSqliteDatabase> CreateAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"blockbot-test-{Guid.NewGuid():N}", "blockbot.db");
        var connections = new SqliteConnectionFactory(Options.Create(new StorageOptions { ConnectionString = $"Data Source={path}" }));
        await new SqliteSchema(connections, NullLogger<SqliteSchema>.Instance).MigrateAsync(CancellationToken.None);
        return new TempSqliteDatabase(path, connections);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        var directory = Path.GetDirectoryName(FilePath)!;
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
