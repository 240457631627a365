using Microsoft.Data.Sqlite;

namespace BlockBot.Bench;

/// <summary>The SQLite file of the run: the one given, kept afterwards, or a fresh one under the temp folder, deleted afterwards.</summary>
public sealed class BenchDatabase : IDisposable
{
    private readonly string? _temporaryFolder;

    private BenchDatabase(string filePath, string? temporaryFolder)
    {
        FilePath = filePath;
        _temporaryFolder = temporaryFolder;
    }

    public string FilePath { get; }

    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = FilePath }.ToString();

    /// <summary>The file with its write-ahead log, in bytes.</summary>
    public long SizeBytes => new[] { FilePath, FilePath + "-wal" }.Where(File.Exists).Sum(path => new FileInfo(path).Length);

    public static BenchDatabase Create(string? path)
    {
        if (path is not null)
        {
            return new BenchDatabase(path, null);
        }

        var folder = Path.Combine(Path.GetTempPath(), "blockbot-bench", Guid.NewGuid().ToString("N"));
        return new BenchDatabase(Path.Combine(folder, "blockbot.db"), folder);
    }

    public void Dispose()
    {
        if (_temporaryFolder is not null && Directory.Exists(_temporaryFolder))
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_temporaryFolder, recursive: true);
        }
    }
}
