using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BlockBot.Storage;

/// <summary>Whether <c>BlockBot:Storage:ConnectionString</c> is one the chosen provider can open, checked before anything connects.</summary>
public static class StorageConnectionString
{
    /// <returns>What is wrong with it, or null when the provider can use it.</returns>
    public static string? Problem(StorageProvider provider, string connectionString)
    {
        try
        {
            return provider == StorageProvider.Postgres ? PostgresProblem(connectionString) : SqliteProblem(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException or KeyNotFoundException)
        {
            return e.Message;
        }
    }

    // One method per provider, not inlined, so that checking a SQLite connection string does not load Npgsql (the JIT
    // loads the assemblies of the types a method it compiles names).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string? PostgresProblem(string connectionString) =>
        string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(connectionString).Host) ? "no Host" : null;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string? SqliteProblem(string connectionString) =>
        string.IsNullOrWhiteSpace(new SqliteConnectionStringBuilder(connectionString).DataSource) ? "no Data Source" : null;
}
