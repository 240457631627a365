using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace BlockBot.Storage.Sqlite;

/// <summary>
/// Quartz's connections to the shared SQLite file, each told to wait for a busy file inside SQLite
/// (<c>PRAGMA busy_timeout</c>) as our own connections are, instead of Microsoft.Data.Sqlite's coarse
/// sleep-and-retry, which holds Quartz's global lock while it sleeps.
/// </summary>
internal sealed class BusyWaitingSqliteDataSource(string connectionString) : DbDataSource
{
    public override string ConnectionString => connectionString;

    protected override DbConnection CreateDbConnection()
    {
        var connection = new SqliteConnection(connectionString);
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
    }
}
