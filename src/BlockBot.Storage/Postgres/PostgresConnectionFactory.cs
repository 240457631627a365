using System.Data.Common;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BlockBot.Storage.Postgres;

/// <summary>
/// Connections to the PostgreSQL database, pooled by one <see cref="NpgsqlDataSource"/> for the process.
/// </summary>
public sealed class PostgresConnectionFactory : IDbConnectionFactory, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresConnectionFactory(IOptions<StorageOptions> options)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString);
        ConnectionString = builder.ConnectionString;
        // Host and database only: the connection string itself carries the password and is never logged.
        Description = $"{builder.Host}/{builder.Database}";
        _dataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public StorageProvider Provider => StorageProvider.Postgres;

    public string ConnectionString { get; }

    /// <summary>Where the database is, fit for a log line.</summary>
    public string Description { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();
}
