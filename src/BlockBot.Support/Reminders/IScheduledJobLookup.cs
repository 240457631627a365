using Quartz;

namespace BlockBot.Support.Reminders;

/// <summary>
/// Whether a Quartz job is stored, or any job of a group (a case's reminders) still has a trigger. Storage answers it
/// with one plain read of Quartz's tables: Quartz's own store begins every operation, reads included, with a
/// transaction, which on SQLite takes the file's write lock and waits behind every turn's commit; a case with nothing to
/// cancel need not wait for that.
/// </summary>
public interface IScheduledJobLookup
{
    /// <summary>Whether a job of the group, other than <paramref name="exceptName"/>, has a trigger left to fire.</summary>
    /// <param name="exceptName">A job of the group not to count, or null to count them all.</param>
    Task<bool> AnyInGroupAsync(string group, string? exceptName, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(JobKey job, CancellationToken cancellationToken);
}
