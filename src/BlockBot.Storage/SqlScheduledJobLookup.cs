using BlockBot.Support;
using BlockBot.Support.Reminders;
using Dapper;
using Quartz;

namespace BlockBot.Storage;

/// <summary>
/// Reads Quartz's job table in BlockBot's database directly (<see cref="SchedulerStore"/> puts it there): on SQLite a
/// plain read beside the turns' writes, where Quartz's own lookup would queue for the write lock.
/// </summary>
public sealed class SqlScheduledJobLookup(IDbConnectionFactory connections) : IScheduledJobLookup
{
    public async Task<bool> AnyInGroupAsync(string group, string? exceptName, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // Unquoted names: Quartz's SQLite schema spells them in capitals, its PostgreSQL schema in lower case.
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            // Triggers, not jobs: a durable reminder's job outlives its firing (ADR 0025), and has nothing left to cancel.
            "SELECT 1 FROM qrtz_triggers WHERE sched_name = @Scheduler AND job_group = @Group AND job_name <> @Except LIMIT 1",
            // No job is named "", so that excepts none.
            new { Scheduler = SupportServiceCollectionExtensions.SchedulerName, Group = group, Except = exceptName ?? string.Empty },
            cancellationToken: cancellationToken)) is not null;
    }

    public async Task<bool> ExistsAsync(JobKey job, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT 1 FROM qrtz_job_details WHERE sched_name = @Scheduler AND job_group = @Group AND job_name = @Name",
            new { Scheduler = SupportServiceCollectionExtensions.SchedulerName, job.Group, job.Name },
            cancellationToken: cancellationToken)) is not null;
    }
}
