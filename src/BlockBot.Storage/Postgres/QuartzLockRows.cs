using BlockBot.Support;
using Dapper;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace BlockBot.Storage.Postgres;

/// <summary>
/// Stores Quartz's lock rows once its scheduler has started. Since no firing round or new job takes
/// <c>TRIGGER_ACCESS</c> (ADR 0024), its first taker may be two customers' turns at once, each inserting the missing
/// row; the one that loses waits Quartz's retry period on the host's clock, which a test's fake clock never ends.
/// </summary>
internal sealed class QuartzLockRows(PostgresConnectionFactory connections) : IHostedLifecycleService
{
    private static readonly string[] Locks = ["TRIGGER_ACCESS", "STATE_ACCESS"];

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        try
        {
            foreach (var name in Locks)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO qrtz_locks (sched_name, lock_name) VALUES (@Scheduler, @Name) ON CONFLICT DO NOTHING",
                    new { Scheduler = SupportServiceCollectionExtensions.SchedulerName, Name = name },
                    cancellationToken: cancellationToken));
            }
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // A host without Quartz's store (its scheduler keeps jobs in memory) has no lock table.
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
