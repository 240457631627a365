using Microsoft.Data.Sqlite;

namespace BlockBot.Tests.Infrastructure;

/// <summary>A SQLite file of the test's own, removed afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Directory = Path.Combine(Path.GetTempPath(), "blockbot-tests", Guid.NewGuid().ToString("N"));
        Path = System.IO.Path.Combine(Directory, "blockbot.db");
    }

    public string Directory { get; }

    public string Path { get; }

    public string ConnectionString => $"Data Source={Path}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on this platform; the temp folder is cleaned by the OS.
        }
    }
}
