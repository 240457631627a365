using BlockBot.Storage;
using BlockBot.Storage.Sql.Domain;
using BlockBot.Tests.Infrastructure;

namespace BlockBot.Tests.Support;

/// <summary>A migrated <see cref="TempDatabase"/> (of the configured provider, whatever the name says) with the domain repositories on it.</summary>
internal sealed class TempSqliteDatabase : IAsyncDisposable
{
    private readonly TempDatabase _database;

    private TempSqliteDatabase(TempDatabase database, IDbConnectionFactory connections)
    {
        _database = database;
        Connections = connections;
        Cases = new SqlCaseRepository(connections);
        Tickets = new SqlTicketRepository(connections);
    }

    public string FilePath => _database.FilePath;

    public IDbConnectionFactory Connections { get; }

    public SqlCaseRepository Cases { get; }

    public SqlTicketRepository Tickets { get; }

    /// <summary>Runs the schema migration again, as the next start would.</summary>
    public Task MigrateAgainAsync() => _database.MigrateAsync();

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
