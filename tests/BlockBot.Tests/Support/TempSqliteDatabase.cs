using BlockBot.Storage.Sqlite;
using BlockBot.Storage.Sqlite.Domain;
using BlockBot.Tests.Infrastructure;

namespace BlockBot.Tests.Support;

/// <summary>A migrated <see cref="TempDatabase"/> with the domain repositories on it.</summary>
internal sealed class TempSqliteDatabase : IAsyncDisposable
{
    private readonly TempDatabase _database;

    private TempSqliteDatabase(TempDatabase database, SqliteConnectionFactory connections)
    {
        _database = database;
        Connections = connections;
        Cases = new SqliteCaseRepository(connections);
        Tickets = new SqliteTicketRepository(connections);
    }

    public string FilePath => _database.FilePath;

    public SqliteConnectionFactory Connections { get; }

    public SqliteCaseRepository Cases { get; }

    public SqliteTicketRepository Tickets { get; }

    public static async Task<TempSqliteDatabase> CreateAsync()
    {
        var database = new TempDatabase();
        return new TempSqliteDatabase(database, await database.MigrateAsync());
    }

    public ValueTask DisposeAsync()
    {
        _database.Dispose();
        return ValueTask.CompletedTask;
    }
}
