using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace BlockBot.Storage.Sqlite;

/// <summary>
/// Opens connections to the one SQLite file every part of the bot shares. Each connection runs in WAL
/// mode with a busy timeout, so concurrent writers wait for each other instead of failing.
/// </summary>
public sealed class SqliteConnectionFactory : IDbConnectionFactory
{
    private readonly string _connectionString;

    public SqliteConnectionFactory(IOptions<StorageOptions> options)
    {
        var builder = new SqliteConnectionStringBuilder(options.Value.ConnectionString)
        {
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        };
        _connectionString = builder.ToString();
        DataSource = builder.DataSource;
    }

    /// <summary>The database file's path as configured.</summary>
    public string DataSource { get; }

    public string ConnectionString => _connectionString;

    public StorageProvider Provider => StorageProvider.Sqlite;

    async Task<DbConnection> IDbConnectionFactory.OpenAsync(CancellationToken cancellationToken) => await OpenAsync(cancellationToken);

    public Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) =>
        OpenConfiguredAsync(new SqliteConnection(_connectionString), cancellationToken);

    /// <summary>Opens the connection the turns' group commit keeps for its own, with its kept commands (ADR 0020).</summary>
    internal Task<SqliteWriterConnection> OpenWriterAsync(CancellationToken cancellationToken) =>
        OpenConfiguredAsync(new SqliteWriterConnection(_connectionString), cancellationToken);

    private static async Task<TConnection> OpenConfiguredAsync<TConnection>(TConnection connection, CancellationToken cancellationToken)
        where TConnection : SqliteConnection
    {
        try
        {
            await connection.OpenAsync(cancellationToken);
            await SqliteConnectionPragmas.ApplyAsync(connection, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates the folder of the database file if it does not exist yet.</summary>
    public void EnsureDirectory()
    {
        if (string.IsNullOrEmpty(DataSource) || DataSource == ":memory:")
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
