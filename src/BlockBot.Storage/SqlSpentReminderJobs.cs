using BlockBot.Support;
using BlockBot.Support.Reminders;
using Dapper;

namespace BlockBot.Storage;

/// <summary>
/// Deletes spent reminder jobs from Quartz's job table in BlockBot's database with one statement, beside Quartz rather
/// than through it: Quartz would take its store-wide lock, the very cost durable reminder jobs avoid (ADR 0025).
/// </summary>
/// <remarks>
/// One statement sees one snapshot, so a job scheduled again in the meantime is not deleted: its new job and trigger rows
/// are stored in one transaction, both seen or neither. On PostgreSQL a trigger committed after that snapshot still
/// refers to its job (Quartz's foreign key), so the delete fails rather than orphan it, and is tried at the next round.
/// </remarks>
public sealed class SqlSpentReminderJobs(IDbConnectionFactory connections) : ISpentReminderJobs
{
    public async Task<int> DeleteAsync(string groupPrefix, int batchSize, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // Unquoted names: Quartz's SQLite schema spells them in capitals, its PostgreSQL schema in lower case.
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM qrtz_job_details
            WHERE sched_name = @Scheduler AND (job_group, job_name) IN (
                SELECT j.job_group, j.job_name FROM qrtz_job_details j
                WHERE j.sched_name = @Scheduler AND j.job_group LIKE @Groups
                  AND NOT EXISTS (SELECT 1 FROM qrtz_triggers t
                                  WHERE t.sched_name = j.sched_name AND t.job_group = j.job_group AND t.job_name = j.job_name)
                  AND NOT EXISTS (SELECT 1 FROM qrtz_fired_triggers f
                                  WHERE f.sched_name = j.sched_name AND f.job_group = j.job_group AND f.job_name = j.job_name)
                LIMIT @Batch)
            """,
            new { Scheduler = SupportServiceCollectionExtensions.SchedulerName, Groups = groupPrefix + "%", Batch = batchSize },
            cancellationToken: cancellationToken));
    }
}
