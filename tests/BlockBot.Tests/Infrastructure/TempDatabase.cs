using BlockBot.Conversation.Turns;
using BlockBot.Storage;
using BlockBot.Storage.Channels.Telegram;
using BlockBot.Storage.Postgres;
using BlockBot.Storage.Sql;
using BlockBot.Storage.Sql.Domain;
using BlockBot.Storage.Sqlite;
using BlockBot.Storage.Turns;
using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BlockBot.Tests.Infrastructure;

/// <summary>
/// A database of a test's own. The provider comes from <c>BLOCKBOT_TEST_PROVIDER</c> (<c>Sqlite</c> when unset):
/// SQLite is a file in a folder under the temp path that does not exist until migrated; PostgreSQL is a fresh
/// database created on the server <c>BLOCKBOT_TEST_POSTGRES</c> names (an admin connection string) and dropped after.
/// </summary>
public sealed class TempDatabase : IDisposable, IAsyncDisposable
{
    public const string ProviderVariable = "BLOCKBOT_TEST_PROVIDER";
    public const string PostgresVariable = "BLOCKBOT_TEST_POSTGRES";

    private readonly List<IDisposable> _factories = [];
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;
    private IDbConnectionFactory? _migrated;

    public TempDatabase()
        : this(ConfiguredProvider)
    {
    }

    /// <summary>A database of the given provider, for tests about one provider's specifics.</summary>
    public TempDatabase(StorageProvider provider)
    {
        Provider = provider;
        Root = Path.Combine(Path.GetTempPath(), "blockbot-tests", Guid.NewGuid().ToString("N"));
        FilePath = Path.Combine(Root, "data", "blockbot.db");
        if (provider == StorageProvider.Postgres)
        {
            _postgresAdmin = Environment.GetEnvironmentVariable(PostgresVariable)
                ?? throw new InvalidOperationException($"{ProviderVariable}=Postgres needs {PostgresVariable}, an admin connection string.");
            _postgresName = "blockbot_test_" + Guid.NewGuid().ToString("N");
            using var admin = new NpgsqlConnection(_postgresAdmin);
            admin.Open();
            using var create = admin.CreateCommand();
            create.CommandText = $"CREATE DATABASE {_postgresName}";
            create.ExecuteNonQuery();
        }
    }

    /// <summary>A migrated database of its own with the domain repositories on it (<see cref="Cases"/>, <see cref="Tickets"/>).</summary>
    public static async Task<TempDatabase> CreateMigratedAsync()
    {
        var database = new TempDatabase();
        database._migrated = await database.MigrateAsync();
        return database;
    }

    public static StorageProvider ConfiguredProvider =>
        Enum.TryParse<StorageProvider>(Environment.GetEnvironmentVariable(ProviderVariable), ignoreCase: true, out var provider)
            ? provider
            : StorageProvider.Sqlite;

    public StorageProvider Provider { get; }

    /// <summary>The folder deleted at the end; the SQLite file lives in its <c>data</c> subfolder.</summary>
    public string Root { get; }

    public string FilePath { get; }

    public string ConnectionString => Provider == StorageProvider.Postgres
        ? new NpgsqlConnectionStringBuilder(_postgresAdmin) { Database = _postgresName }.ConnectionString
        : $"Data Source={FilePath}";

    /// <summary>The <c>BlockBot:Storage</c> settings that point a bot at this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["BlockBot:Storage:Provider"] = Provider.ToString(),
        ["BlockBot:Storage:ConnectionString"] = ConnectionString,
    };

    /// <summary>The connections of <see cref="CreateMigratedAsync"/>.</summary>
    public IDbConnectionFactory Connections => _migrated ?? throw new InvalidOperationException("Create the database with CreateMigratedAsync.");

    public SqlCaseRepository Cases => new(Connections);

    public SqlTicketRepository Tickets => new(Connections);

    /// <summary>A new factory, as a second process opening the same database would have.</summary>
    public IDbConnectionFactory CreateFactory()
    {
        var options = Options.Create(new StorageOptions { Provider = Provider, ConnectionString = ConnectionString });
        if (Provider == StorageProvider.Postgres)
        {
            var factory = new PostgresConnectionFactory(options);
            lock (_factories)
            {
                _factories.Add(factory);
            }

            return factory;
        }

        return new SqliteConnectionFactory(options);
    }

    /// <summary>A plain open connection, for a test's synchronous look at the tables.</summary>
    public System.Data.Common.DbConnection OpenConnection()
    {
        System.Data.Common.DbConnection connection = Provider == StorageProvider.Postgres
            ? new NpgsqlConnection(ConnectionString)
            : new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public async Task<IDbConnectionFactory> MigrateAsync()
    {
        var factory = CreateFactory();
        ISchemaMigrator schema = factory switch
        {
            PostgresConnectionFactory postgres => new PostgresSchema(postgres, NullLogger<PostgresSchema>.Instance),
            SqliteConnectionFactory sqlite => new SqliteSchema(sqlite, NullLogger<SqliteSchema>.Instance),
            _ => throw new InvalidOperationException($"No schema for {factory.GetType()}"),
        };
        await schema.MigrateAsync(CancellationToken.None);
        return factory;
    }

    /// <summary>A migrated database and a storage on it, typed as the interface so tests exercise the contract.</summary>
    public async Task<IStorage> CreateStorageAsync() => StorageOn(await MigrateAsync());

    public static IStorage StorageOn(IDbConnectionFactory factory) =>
        new SqlStorage(factory, TimeProvider.System, NullLogger<SqlStorage>.Instance);

    /// <summary>The turn store the bot has on this provider: group commit on SQLite, a transaction per turn on PostgreSQL.</summary>
    public static ITurnStore TurnStoreOn(IDbConnectionFactory factory, SqlStorage storage, params ITurnRecordWriter[] writers) =>
        factory is SqliteConnectionFactory sqlite
            ? new SqliteGroupCommitTurnStore(sqlite, storage, writers, NullLogger<SqliteGroupCommitTurnStore>.Instance)
            : new SqlTurnStore(factory, storage, writers);

    /// <summary>The Telegram inbox and outbox on this database, writing through the provider's turn store as the bot's does.</summary>
    public static SqlTelegramStore TelegramStoreOn(IDbConnectionFactory factory, TimeProvider time)
    {
        var storage = new SqlStorage(factory, time, NullLogger<SqlStorage>.Instance);
        var turns = TurnStoreOn(factory, storage, new TelegramUpdatesReceivedWriter(time), new TelegramOutgoingSentWriter(factory), new TelegramUpdateHandledWriter(time), new TelegramMessageQueuedWriter(time));
        return new SqlTelegramStore(factory, turns, time);
    }

    /// <summary>
    /// Closes the pooled connections to this database's file: the bot's and Quartz's (<see cref="QuartzSqliteDataSource"/>).
    /// Not <c>ClearAllPools</c>: that clears every test's pools, and a clear can dispose a connection another test running
    /// beside this one has just taken from its pool ("Cannot access a disposed object: SQLitePCL.sqlite3").
    /// </summary>
    public void ClearSqlitePools()
    {
        if (Provider != StorageProvider.Sqlite)
        {
            return;
        }

        var ours = new SqliteConnectionFactory(Options.Create(new StorageOptions { Provider = Provider, ConnectionString = ConnectionString })).ConnectionString;
        foreach (var pooled in new[] { ours, QuartzSqliteDataSource.ConnectionStringFor(ours) })
        {
            using var connection = new SqliteConnection(pooled);
            SqliteConnection.ClearPool(connection);
        }
    }

    public void Dispose()
    {
        ClearSqlitePools();
        lock (_factories)
        {
            foreach (var factory in _factories)
            {
                factory.Dispose();
            }
        }

        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var admin = new NpgsqlConnection(_postgresAdmin);
            admin.Open();
            using var drop = admin.CreateCommand();
            // FORCE: a killed bot process or Quartz's own pool may still hold connections.
            drop.CommandText = $"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)";
            drop.ExecuteNonQuery();
        }

        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
