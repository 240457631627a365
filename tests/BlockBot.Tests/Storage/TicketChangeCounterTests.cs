using BlockBot.Storage;
using BlockBot.Storage.Desk;
using BlockBot.Storage.Postgres;
using BlockBot.Tests.Infrastructure;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BlockBot.Tests.Storage;

/// <summary>
/// The desk's ticket change counter on PostgreSQL, where each session bumps a counter row of its own and the counter is
/// their sum: a ticket write from any session moves it once committed, and not before.
/// </summary>
public sealed class TicketChangeCounterTests
{
    // Any statement that writes handoff_ticket fires the statement trigger, also one that changes no row.
    private const string TicketWrite = "UPDATE handoff_ticket SET state = state WHERE FALSE";

    [PostgresFact]
    public async Task Ticket_writes_from_many_sessions_each_move_the_counter_once_committed_and_a_rolled_back_one_does_not()
    {
        await using var database = await TempDatabase.CreateMigratedAsync();
        await using var connections = new PostgresConnectionFactory(Options.Create(new StorageOptions { Provider = database.Provider, ConnectionString = database.ConnectionString }));
        var counter = new SqlTicketChangeCounter(connections);
        var before = await counter.ReadAsync(default);

        // Unpooled, so each write is a session (a server process) of its own, spread over the counter's rows.
        var ownSessions = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString;
        const int sessions = 24;
        for (var i = 0; i < sessions; i++)
        {
            await using var session = new NpgsqlConnection(ownSessions);
            await session.OpenAsync();
            await using var write = await session.BeginTransactionAsync();
            await session.ExecuteAsync(TicketWrite, transaction: write);
            Assert.Equal(before + i, await counter.ReadAsync(default));
            await write.CommitAsync();
        }

        Assert.Equal(before + sessions, await counter.ReadAsync(default));

        await using (var session = new NpgsqlConnection(ownSessions))
        {
            await session.OpenAsync();
            await using var write = await session.BeginTransactionAsync();
            await session.ExecuteAsync(TicketWrite, transaction: write);
            await write.RollbackAsync();
        }

        Assert.Equal(before + sessions, await counter.ReadAsync(default));
    }

    [PostgresFact]
    public async Task Two_sessions_write_tickets_at_once_without_waiting_for_each_others_commit()
    {
        await using var database = await TempDatabase.CreateMigratedAsync();
        var ownSessions = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString;
        await using var first = await OpenAsync(ownSessions);
        // Two sessions that bump different rows (the row is picked by the server process's id).
        var others = new List<NpgsqlConnection>();
        NpgsqlConnection? second = null;
        while (second is null)
        {
            var candidate = await OpenAsync(ownSessions);
            others.Add(candidate);
            if (first.ProcessID % 16 != candidate.ProcessID % 16)
            {
                second = candidate;
            }
        }

        try
        {
            await using var firstWrite = await first.BeginTransactionAsync();
            await first.ExecuteAsync(TicketWrite, transaction: firstWrite);
            await using var secondWrite = await second.BeginTransactionAsync();
            // With one counter row for all, this write would wait for the first's commit, and time out here.
            await second.ExecuteAsync("SET LOCAL lock_timeout = '2s'", transaction: secondWrite);
            await second.ExecuteAsync(TicketWrite, transaction: secondWrite);
            await secondWrite.CommitAsync();
            await firstWrite.CommitAsync();
        }
        finally
        {
            foreach (var other in others)
            {
                await other.DisposeAsync();
            }
        }
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
