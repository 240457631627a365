using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace BlockBot.Storage.Sqlite;

/// <summary>
/// What every connection to the file runs once: wait for a busy file inside SQLite, and enforce foreign keys. Both
/// settings live on SQLite's own handle, which the pool keeps across opens, so a handle that has them is not told
/// again: the two statements were prepared and run on every open, three times a turn.
/// </summary>
internal static class SqliteConnectionPragmas
{
    internal const string Text = "PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON;";

    private static readonly ConditionalWeakTable<sqlite3, object> Configured = new();

    public static async Task ApplyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        if (connection.Handle is { } handle && Configured.TryGetValue(handle, out _))
        {
            return;
        }

        await using var pragma = connection.CreateCommand();
        pragma.CommandText = Text;
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        if (connection.Handle is { } opened)
        {
            Configured.AddOrUpdate(opened, Configured);
        }
    }

    public static void Apply(SqliteConnection connection)
    {
        if (connection.Handle is { } handle && Configured.TryGetValue(handle, out _))
        {
            return;
        }

        using var pragma = connection.CreateCommand();
        pragma.CommandText = Text;
        pragma.ExecuteNonQuery();
        if (connection.Handle is { } opened)
        {
            Configured.AddOrUpdate(opened, Configured);
        }
    }
}
