namespace BlockBot.Support.Reminders;

/// <summary>
/// Reminder jobs whose firing is over: stored durably (where something deletes them later) so that completing a firing
/// need not take Quartz's store-wide lock, which deleting a job with its last trigger does (ADR 0025).
/// </summary>
public interface ISpentReminderJobs
{
    /// <summary>
    /// Deletes up to <paramref name="batchSize"/> jobs of the groups starting with <paramref name="groupPrefix"/> that
    /// have no trigger left and no firing under way; a job scheduled again meanwhile is not one of them.
    /// </summary>
    /// <returns>How many were deleted.</returns>
    Task<int> DeleteAsync(string groupPrefix, int batchSize, CancellationToken cancellationToken);
}
