using Quartz;

namespace BlockBot.Support.Reminders;

/// <summary>
/// Whether a Quartz job, or any job of a group (a case's reminders), is stored. Storage answers it with one plain read
/// of Quartz's tables: Quartz's own store begins every operation, reads included, with a transaction, which on SQLite
/// takes the file's write lock and waits behind every turn's commit; a case with nothing to cancel need not wait for
/// that.
/// </summary>
public interface IScheduledJobLookup
{
    /// <param name="exceptName">A job of the group not to count, or null to count them all.</param>
    Task<bool> AnyInGroupAsync(string group, string? exceptName, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(JobKey job, CancellationToken cancellationToken);
}
