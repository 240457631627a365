using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace BlockBot.Storage.Sqlite;

/// <summary>
/// Quartz's connections to the shared SQLite file. Each waits for a busy file inside SQLite (<c>PRAGMA busy_timeout</c>)
/// as our own connections do, instead of Microsoft.Data.Sqlite's coarse sleep-and-retry, which holds Quartz's global
/// lock while it sleeps. And each commits without an fsync of its own (<c>PRAGMA synchronous = NORMAL</c>, ADR 0022):
/// Quartz's commits then hold the file's one write lock for microseconds instead of a disk flush, and its frames in the
/// WAL become durable with the next commit of a turn, which flushes the whole WAL.
/// </summary>
internal sealed class QuartzSqliteDataSource(string connectionString) : DbDataSource
{
    internal const string SynchronousPragma = "PRAGMA synchronous = NORMAL;";

    private static readonly ConditionalWeakTable<sqlite3, object> Configured = new();

    private readonly string _connectionString = ConnectionStringFor(connectionString);

    public override string ConnectionString => _connectionString;

    /// <summary>
    /// Quartz's connection string for the file the turns open with <paramref name="turnsConnectionString"/>.
    /// Microsoft.Data.Sqlite pools connections by their connection string: with the turns' own string, a handle told not
    /// to flush would be handed to a turn. Foreign Keys=True only repeats what SqliteConnectionPragmas sets anyway.
    /// </summary>
    internal static string ConnectionStringFor(string turnsConnectionString) =>
        new SqliteConnectionStringBuilder(turnsConnectionString) { ForeignKeys = true }.ToString();

    protected override DbConnection CreateDbConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.StateChange += OnStateChange;
        return connection;
    }

    private static void OnStateChange(object sender, StateChangeEventArgs change)
    {
        if (change.CurrentState != ConnectionState.Open || sender is not SqliteConnection connection)
        {
            return;
        }

        SqliteConnectionPragmas.Apply(connection);
        if (connection.Handle is not { } handle || Configured.TryGetValue(handle, out _))
        {
            return;
        }

        using var pragma = connection.CreateCommand();
        pragma.CommandText = SynchronousPragma;
        pragma.ExecuteNonQuery();
        Configured.AddOrUpdate(handle, Configured);
    }
}
