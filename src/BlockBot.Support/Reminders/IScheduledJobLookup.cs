namespace BlockBot.Support.Reminders;

/// <summary>
/// Whether a group of Quartz jobs (a case's reminders) holds any. Storage answers it with one plain read of Quartz's
/// tables: Quartz's own store begins every operation, reads included, with a transaction, which on SQLite takes the
/// file's write lock and waits behind every turn's commit; a case with nothing to cancel need not wait for that.
/// </summary>
public interface IScheduledJobLookup
{
    Task<bool> AnyInGroupAsync(string group, CancellationToken cancellationToken);
}
