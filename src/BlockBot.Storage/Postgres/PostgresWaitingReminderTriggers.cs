using BlockBot.Support;
using BlockBot.Support.Reminders;
using Dapper;

namespace BlockBot.Storage.Postgres;

/// <summary>
/// Deletes waiting reminder triggers from Quartz's tables with one statement, claiming each row as Quartz's lock-free
/// firing rounds do: only while it is <c>WAITING</c> (ADR 0028).
/// </summary>
/// <remarks>
/// A firing round claims a trigger by updating it from <c>WAITING</c> to <c>ACQUIRED</c>. Whichever of the two
/// statements locks the row first wins; the other then finds the row deleted or no longer waiting, and leaves it. The
/// trigger's simple-trigger row goes with it (Quartz's foreign key cascades). Quartz's misfire handler writes a trigger
/// back only as it read it, so it does not bring a deleted one back.
/// </remarks>
internal sealed class PostgresWaitingReminderTriggers(PostgresConnectionFactory connections) : IWaitingReminderTriggers
{
    // The count of the jobs' triggers sees the statement's snapshot, from before the delete: what it counted and the
    // delete did not take was not waiting.
    private const string Sql =
        """
        WITH deleted AS (
            DELETE FROM qrtz_triggers
            WHERE sched_name = @Scheduler AND job_group = @Group AND (@Job = '' OR job_name = @Job) AND job_name <> @Except
              AND trigger_state = 'WAITING'
            RETURNING 1)
        SELECT (SELECT count(*) FROM deleted)::int AS "Deleted",
               ((SELECT count(*) FROM qrtz_triggers
                 WHERE sched_name = @Scheduler AND job_group = @Group AND (@Job = '' OR job_name = @Job) AND job_name <> @Except)
                - (SELECT count(*) FROM deleted))::int AS "Left"
        """;

    public async Task<WaitingTriggersDeleted> DeleteAsync(string group, string? jobName, string? exceptJobName, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // No job is named "": as the job, it stands for all of the group's; as the exception, for none.
        return await connection.QuerySingleAsync<WaitingTriggersDeleted>(new CommandDefinition(
            Sql,
            new { Scheduler = SupportServiceCollectionExtensions.SchedulerName, Group = group, Job = jobName ?? string.Empty, Except = exceptJobName ?? string.Empty },
            cancellationToken: cancellationToken));
    }
}
