using BlockBot.Storage;
using BlockBot.Storage.Sqlite;
using BlockBot.Tests.Infrastructure;
using Dapper;

namespace BlockBot.Tests.Storage;

/// <summary>
/// Quartz's SQLite connections commit without a flush of their own (ADR 0022); a turn's commit must still flush, so a
/// connection Quartz used must never come back from the pool as one of ours.
/// </summary>
public sealed class QuartzSqliteDataSourceTests : IDisposable
{
    private const long Normal = 1;
    private const long Full = 2;

    private readonly TempDatabase _database = new(StorageProvider.Sqlite);

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Quartz_commits_without_a_flush_and_the_turns_connections_still_flush_after_quartz_used_the_pool()
    {
        var ours = (SqliteConnectionFactory)await _database.MigrateAsync();
        await using var source = new QuartzSqliteDataSource(ours.ConnectionString);

        for (var round = 0; round < 3; round++)
        {
            await using (var quartz = await source.OpenConnectionAsync())
            {
                Assert.Equal(Normal, await quartz.ExecuteScalarAsync<long>("PRAGMA synchronous"));
                Assert.Equal(1, await quartz.ExecuteScalarAsync<long>("PRAGMA foreign_keys"));
            }

            await using var turn = await ours.OpenAsync(CancellationToken.None);
            Assert.Equal(Full, await turn.ExecuteScalarAsync<long>("PRAGMA synchronous"));
        }
    }

    [Fact]
    public async Task Quartz_writes_to_the_same_file_as_the_turns()
    {
        var ours = (SqliteConnectionFactory)await _database.MigrateAsync();
        await using var source = new QuartzSqliteDataSource(ours.ConnectionString);
        await using (var quartz = await source.OpenConnectionAsync())
        {
            await quartz.ExecuteAsync("CREATE TABLE quartz_probe (id INTEGER); INSERT INTO quartz_probe VALUES (7);");
        }

        await using var turn = await ours.OpenAsync(CancellationToken.None);
        Assert.Equal(7, await turn.ExecuteScalarAsync<long>("SELECT id FROM quartz_probe"));
    }
}
