using Microsoft.Data.Sqlite;
using Npgsql;

namespace BlockBot.Bench;

/// <summary>
/// The database of the run. SQLite: the file given, kept afterwards, or a fresh one under the temp folder, deleted
/// afterwards. PostgreSQL: a fresh database created on the server given and dropped afterwards.
/// </summary>
public sealed class BenchDatabase : IDisposable
{
    private readonly string? _temporaryFolder;
    private readonly string? _postgresAdmin;

    private BenchDatabase(string provider, string connectionString, string description, string? temporaryFolder, string? postgresAdmin)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Description = description;
        _temporaryFolder = temporaryFolder;
        _postgresAdmin = postgresAdmin;
    }

    /// <summary>The <c>BlockBot:Storage:Provider</c> value.</summary>
    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Where the data is, for the report (no password).</summary>
    public string Description { get; }

    /// <summary>The SQLite file with its write-ahead log, or the PostgreSQL database, in bytes.</summary>
    public long SizeBytes
    {
        get
        {
            if (_postgresAdmin is null)
            {
                var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
                return new[] { file, file + "-wal" }.Where(File.Exists).Sum(path => new FileInfo(path).Length);
            }

            using var connection = new NpgsqlConnection(ConnectionString);
            connection.Open();
            using var size = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
            return (long)size.ExecuteScalar()!;
        }
    }

    public static BenchDatabase Create(BenchOptions options)
    {
        if (options.PostgresAdmin is { } admin)
        {
            var name = "blockbot_bench_" + Guid.NewGuid().ToString("N");
            using (var connection = new NpgsqlConnection(admin))
            {
                connection.Open();
                using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                create.ExecuteNonQuery();
            }

            var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
            return new BenchDatabase("Postgres", builder.ConnectionString, $"{builder.Host}:{builder.Port}/{name} (PostgreSQL; Quartz clustered in the same database)", null, admin);
        }

        if (options.DatabasePath is { } path)
        {
            return new BenchDatabase("Sqlite", SqliteConnectionString(path), $"{path} (SQLite; Quartz's store on the same file)", null, null);
        }

        var folder = Path.Combine(Path.GetTempPath(), "blockbot-bench", Guid.NewGuid().ToString("N"));
        var file = Path.Combine(folder, "blockbot.db");
        return new BenchDatabase("Sqlite", SqliteConnectionString(file), $"{file} (SQLite; Quartz's store on the same file)", folder, null);
    }

    public void Dispose()
    {
        if (_temporaryFolder is not null && Directory.Exists(_temporaryFolder))
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_temporaryFolder, recursive: true);
        }

        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(_postgresAdmin);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(ConnectionString).Database} WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
    }

    private static string SqliteConnectionString(string file) => new SqliteConnectionStringBuilder { DataSource = file }.ToString();
}
